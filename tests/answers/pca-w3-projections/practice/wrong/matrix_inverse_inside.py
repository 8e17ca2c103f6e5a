"""projection_matrix multiplies in the wrong order, (B^T B)^-1 B^T B: the M x M identity
instead of a D x D matrix."""
# fails: test_projection_matrix_visible, test_projection_matrix_hidden
# %% projection_matrix
def projection_matrix(B):
    return np.linalg.inv(B.T @ B) @ B.T @ B
