"""projection_matrix returns B B^T, right only for orthonormal columns."""
# fails: test_projection_matrix_visible, test_projection_matrix_hidden
# %% projection_matrix
def projection_matrix(B):
    return B @ B.T
