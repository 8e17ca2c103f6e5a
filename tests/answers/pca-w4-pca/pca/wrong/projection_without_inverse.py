"""projection_matrix returns B B^T, which is right only when the columns are orthonormal."""
# fails: test_projection_matrix_visible, test_projection_matrix_hidden
# %% projection_matrix
def projection_matrix(B):
    return B @ B.T
