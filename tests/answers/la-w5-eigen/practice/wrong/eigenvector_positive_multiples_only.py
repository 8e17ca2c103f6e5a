"""Asks for A v to point the same way as v: misses negative and zero eigenvalues."""
# fails: test_is_eigenvector_visible, test_is_eigenvector_hidden
# %% is_eigenvector
def is_eigenvector(A, v):
    w = A @ v
    with np.errstate(all="ignore"):
        cosine = w @ v / (np.linalg.norm(w) * np.linalg.norm(v))
    return bool(abs(cosine - 1) < 1e-9)
