"""projection_matrix_general puts (B^T B)^-1 at the end: B B^T (B^T B)^-1."""
# fails: test_projection_matrix_general_visible, test_projection_matrix_general_hidden, test_project_general_visible, test_project_general_hidden
# ruff: noqa: E501
# %% projection_matrix_general
def projection_matrix_general(B):
    B = np.asarray(B, dtype=float)
    return B @ B.T @ np.linalg.inv(B.T @ B)
