"""Both projections turn x into a column and return a (D, 1) array even for a 1-D x."""
# fails: test_project_1d_visible, test_project_1d_hidden, test_project_general_visible, test_project_general_hidden
# ruff: noqa: E501
# %% project_1d
def project_1d(x, b):
    x = np.asarray(x, dtype=float).reshape(-1, 1)
    return projection_matrix_1d(b) @ x
# %% project_general
def project_general(x, B):
    x = np.asarray(x, dtype=float).reshape(-1, 1)
    return projection_matrix_general(B) @ x
