"""Cholesky as the positive-definiteness test (after an exact symmetry test); lengths and
angles through y = L^T x and the ordinary dot product."""
# fails: none
# %% is_inner_product
def is_inner_product(A):
    if not np.array_equal(A, A.T):
        return False
    try:
        np.linalg.cholesky(A)
    except np.linalg.LinAlgError:
        return False
    return True
# %% inner_length
def inner_length(x, A):
    return np.linalg.norm(np.linalg.cholesky(A).T @ x)
# %% inner_angle
def inner_angle(x, y, A):
    L = np.linalg.cholesky(A)
    u, v = L.T @ x, L.T @ y
    return np.arccos(np.clip(u @ v / (np.linalg.norm(u) * np.linalg.norm(v)), -1, 1))
