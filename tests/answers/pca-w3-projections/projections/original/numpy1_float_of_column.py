"""NumPy 1 habit: b^T b turned into a number with float(), which NumPy 2 allows only for a
0-dimensional array; fine for a 1-D b, an error for a (D, 1) column."""
# fails: test_projection_matrix_1d_visible, test_projection_matrix_1d_hidden, test_project_1d_visible, test_project_1d_hidden
# message: NumPy 2 converts only single numbers to float or int
# ruff: noqa: E501
# %% projection_matrix_1d
def projection_matrix_1d(b):
    return np.outer(b, b) / float(b.T @ b)
