"""projection_matrix_general returns B B^T, leaving out (B^T B)^-1 (right only for orthonormal B)."""
# fails: test_projection_matrix_general_visible, test_projection_matrix_general_hidden, test_project_general_visible, test_project_general_hidden
# ruff: noqa: E501
# %% projection_matrix_general
def projection_matrix_general(B):
    B = np.asarray(B, dtype=float)
    return B @ B.T
