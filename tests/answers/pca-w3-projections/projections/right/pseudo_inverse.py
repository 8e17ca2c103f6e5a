"""Everything through the Moore-Penrose pseudo-inverse: P = B pinv(B)."""
# fails: none
# %% projection_matrix_1d
def projection_matrix_1d(b):
    column = np.reshape(b, (-1, 1)).astype(float)
    return column @ np.linalg.pinv(column)
# %% project_1d
def project_1d(x, b):
    return np.reshape(projection_matrix_1d(b) @ np.reshape(x, -1), np.shape(x))
# %% projection_matrix_general
def projection_matrix_general(B):
    B = np.asarray(B, dtype=float)
    return B @ np.linalg.pinv(B)
# %% project_general
def project_general(x, B):
    return np.reshape(projection_matrix_general(B) @ np.reshape(x, -1), np.shape(x))
