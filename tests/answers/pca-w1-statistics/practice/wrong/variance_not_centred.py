"""variance_1d averages the squares of the data without subtracting the mean."""
# fails: test_variance_1d_visible, test_variance_1d_hidden
# %% variance_1d
def variance_1d(x):
    return float(np.mean(x**2))
