"""shifted_scaled_stats applies the whole map a v + b to the variance too."""
# fails: test_shifted_scaled_stats_visible, test_shifted_scaled_stats_hidden
# %% shifted_scaled_stats
def shifted_scaled_stats(mean, var, a, b):
    return np.array([a * mean + b, a**2 * var + b])
