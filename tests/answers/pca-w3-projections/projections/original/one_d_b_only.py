"""The original course's answers: `D, = b.shape` in projection_matrix_1d (written for 1-D b
only), np.outer and np.dot, the general projection through np.linalg.inv, projections as P @ x."""
# fails: test_projection_matrix_1d_visible, test_projection_matrix_1d_hidden, test_project_1d_visible, test_project_1d_hidden
# message: a column b must give the same (D, D) matrix as a 1-D one
# ruff: noqa: E501
# %% projection_matrix_1d
def projection_matrix_1d(b):
    D, = b.shape
    P = np.outer(b, b.T) / np.dot(b, b)
    return P
# %% project_1d
def project_1d(x, b):
    p = projection_matrix_1d(b) @ x
    return p
# %% projection_matrix_general
def projection_matrix_general(B):
    P = B @ np.linalg.inv(B.T @ B) @ B.T
    return P
# %% project_general
def project_general(x, B):
    p = projection_matrix_general(B) @ x
    return p
