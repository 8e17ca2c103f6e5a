"""affine_covariance adds the shift b to the covariance: A S A^T + b."""
# fails: test_affine_covariance_visible, test_affine_covariance_hidden
# %% affine_covariance
def affine_covariance(S, A, b):
    return A @ S @ A.T + b
