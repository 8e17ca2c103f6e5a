"""shifted_scaled_stats multiplies the variance by a instead of a squared."""
# fails: test_shifted_scaled_stats_visible, test_shifted_scaled_stats_hidden
# %% shifted_scaled_stats
def shifted_scaled_stats(mean, var, a, b):
    return np.array([a * mean + b, a * var])
