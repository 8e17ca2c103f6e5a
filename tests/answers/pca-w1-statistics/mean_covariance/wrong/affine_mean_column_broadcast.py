"""affine_mean turns the mean into a column (M, 1) but adds b as a 1-D (M,) array: NumPy
broadcasting makes an M x M matrix."""
# fails: test_affine_mean_visible, test_affine_mean_hidden
# %% affine_mean
def affine_mean(mean, A, b):
    return A @ mean.reshape(-1, 1) + b
