"""Compares A v with lam v exactly, which rounding defeats."""
# fails: test_is_eigenvector_visible, test_is_eigenvector_hidden
# %% is_eigenvector
def is_eigenvector(A, v):
    w = A @ v
    lam = v @ w / (v @ v)
    return bool(np.array_equal(w, lam * v))
