"""mean averages over axis 1, giving one number per data point instead of one per feature."""
# fails: test_mean_visible, test_mean_hidden
# %% mean
def mean(X):
    return np.mean(X, axis=1)
