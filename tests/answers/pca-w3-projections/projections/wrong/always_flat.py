"""Both projections flatten x and return a 1-D array even for a (D, 1) column."""
# fails: test_project_1d_visible, test_project_1d_hidden, test_project_general_visible, test_project_general_hidden
# %% project_1d
def project_1d(x, b):
    return projection_matrix_1d(b) @ np.ravel(x)
# %% project_general
def project_general(x, B):
    return projection_matrix_general(B) @ np.ravel(x)
