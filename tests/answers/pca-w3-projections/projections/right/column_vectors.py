"""Works with (D, 1) columns throughout, with an explicit inverse, and reshapes back at the end."""
# fails: none
# %% projection_matrix_1d
def projection_matrix_1d(b):
    b = np.array(b, dtype=float).reshape(-1, 1)
    return (b @ b.T) / (b.T @ b)
# %% project_1d
def project_1d(x, b):
    shape = np.shape(x)
    x = np.array(x, dtype=float).reshape(-1, 1)
    b = np.array(b, dtype=float).reshape(-1, 1)
    p = b @ (b.T @ x) / (b.T @ b)
    return p.reshape(shape)
# %% projection_matrix_general
def projection_matrix_general(B):
    B = np.array(B, dtype=float)
    return B @ np.linalg.inv(B.T @ B) @ B.T
# %% project_general
def project_general(x, B):
    shape = np.shape(x)
    x = np.array(x, dtype=float).reshape(-1, 1)
    return (projection_matrix_general(B) @ x).reshape(shape)
