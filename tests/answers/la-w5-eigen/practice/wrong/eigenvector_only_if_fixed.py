"""Checks A v = v: only eigenvalue 1 counts."""
# fails: test_is_eigenvector_visible, test_is_eigenvector_hidden
# %% is_eigenvector
def is_eigenvector(A, v):
    return bool(np.allclose(A @ v, v))
