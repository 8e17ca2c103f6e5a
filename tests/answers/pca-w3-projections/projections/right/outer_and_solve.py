"""Direct formulas: np.outer for the line, the normal equations solved with np.linalg.solve."""
# fails: none
# %% projection_matrix_1d
def projection_matrix_1d(b):
    b = np.ravel(b).astype(float)
    return np.outer(b, b) / np.dot(b, b)
# %% project_1d
def project_1d(x, b):
    x = np.asarray(x)
    v, w = np.ravel(x), np.ravel(b)
    return (np.dot(w, v) / np.dot(w, w) * w).reshape(x.shape)
# %% projection_matrix_general
def projection_matrix_general(B):
    B = np.array(B, dtype=float)
    return B @ np.linalg.solve(B.T @ B, B.T)
# %% project_general
def project_general(x, B):
    B = np.array(B, dtype=float)
    x = np.asarray(x, dtype=float)
    lam = np.linalg.solve(B.T @ B, B.T @ x.reshape(-1))
    return (B @ lam).reshape(x.shape)
