"""projection_matrix_1d writes b @ b.T, which for a 1-D array is the number b^T b, not a matrix."""
# fails: test_projection_matrix_1d_visible, test_projection_matrix_1d_hidden, test_project_1d_visible, test_project_1d_hidden
# ruff: noqa: E501
# %% projection_matrix_1d
def projection_matrix_1d(b):
    return (b @ b.T) / (b.T @ b)
