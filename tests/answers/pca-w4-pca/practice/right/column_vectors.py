"""Works with column vectors: b reshaped to (D, 1), the eigen-residual stacked with np.vstack and
flattened; the error from the Frobenius norm; the coordinates as (B^T X^T)^T."""
# fails: none
# %% reconstruction_error
def reconstruction_error(X, X_tilde):
    return np.linalg.norm(X - X_tilde, "fro") ** 2 / X.shape[0]
# %% error_gradient
def error_gradient(X, B, Z):
    rows = []
    for x, z in zip(X, Z, strict=True):
        residual = x.reshape(-1, 1) - B @ z.reshape(-1, 1)
        rows.append((-2 * B.T @ residual / len(X)).ravel())
    return np.array(rows)
# %% optimal_coordinates
def optimal_coordinates(X, B):
    return (B.T @ X.T).T
# %% variance_left_out
def variance_left_out(S, B):
    return np.sum(np.diag(S)) - np.sum(B * (S @ B))
# %% lagrangian_gradient
def lagrangian_gradient(S, b, lam):
    col = np.reshape(b, (-1, 1))
    return np.vstack([2 * S @ col - 2 * lam * col, 1 - col.T @ col]).ravel()
