"""projection_matrix_1d returns b b^T and forgets to divide by b^T b."""
# fails: test_projection_matrix_1d_visible, test_projection_matrix_1d_hidden, test_project_1d_visible, test_project_1d_hidden
# ruff: noqa: E501
# %% projection_matrix_1d
def projection_matrix_1d(b):
    b = np.asarray(b, dtype=float).reshape(-1)
    return np.outer(b, b)
