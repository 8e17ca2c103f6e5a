"""affine_mean multiplies the mean from the left, mean @ A + b, which is A^T mean + b for a
square A and fails for a non-square one."""
# fails: test_affine_mean_visible, test_affine_mean_hidden
# %% affine_mean
def affine_mean(mean, A, b):
    return mean @ A + b
