"""Says no when A v = 0, forgetting that 0 is an allowed eigenvalue."""
# fails: test_is_eigenvector_visible
# %% is_eigenvector
def is_eigenvector(A, v):
    w = A @ v
    if np.linalg.norm(w) < 1e-12:
        return False
    lam = v @ w / (v @ v)
    return bool(np.linalg.norm(w - lam * v) <= 1e-9 * (np.linalg.norm(w) + np.linalg.norm(v)))
