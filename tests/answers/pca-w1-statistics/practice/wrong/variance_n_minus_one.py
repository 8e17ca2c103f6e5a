"""variance_1d divides by N - 1 (np.var with ddof=1), the sample estimate."""
# fails: test_variance_1d_visible, test_variance_1d_hidden
# %% variance_1d
def variance_1d(x):
    return float(np.var(x, ddof=1))
