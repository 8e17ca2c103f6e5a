"""np.einsum and np.linalg.norm; coordinates by least squares (lstsq), which for an
orthonormal basis are the projections; the variance via tr((I - B B^T) S)."""
# fails: none
# %% reconstruction_error
def reconstruction_error(X, X_tilde):
    diff = X - X_tilde
    return np.einsum("nd,nd->", diff, diff) / diff.shape[0]
# %% error_gradient
def error_gradient(X, B, Z):
    residual = X - np.einsum("nm,dm->nd", Z, B)
    return np.einsum("nd,di->ni", residual, B) * (-2 / X.shape[0])
# %% optimal_coordinates
def optimal_coordinates(X, B):
    return np.linalg.lstsq(B, X.T, rcond=None)[0].T
# %% variance_left_out
def variance_left_out(S, B):
    return np.trace((np.eye(S.shape[0]) - B @ B.T) @ S)
# %% lagrangian_gradient
def lagrangian_gradient(S, b, lam):
    return np.concatenate([(S + S.T) @ b - 2 * lam * b, [1 - np.linalg.norm(b) ** 2]])
