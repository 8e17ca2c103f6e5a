"""projection_matrix_1d computes b^T b as b @ b, which fails when b is a (D, 1) column."""
# fails: test_projection_matrix_1d_visible, test_projection_matrix_1d_hidden, test_project_1d_visible, test_project_1d_hidden
# %% projection_matrix_1d
def projection_matrix_1d(b):
    return np.outer(b, b) / (b @ b)
