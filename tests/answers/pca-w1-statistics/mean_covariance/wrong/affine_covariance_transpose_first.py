"""affine_covariance puts the transpose on the wrong side: A^T S A."""
# fails: test_affine_covariance_visible, test_affine_covariance_hidden
# %% affine_covariance
def affine_covariance(S, A, b):
    return A.T @ S @ A
