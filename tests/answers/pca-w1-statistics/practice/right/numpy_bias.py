"""Library calls with the right normalisation: np.var (ddof=0) and np.cov(..., bias=True)."""
# fails: none
# %% variance_1d
def variance_1d(x):
    return np.var(x)
# %% shifted_scaled_stats
def shifted_scaled_stats(mean, var, a, b):
    return [np.polyval([a, b], mean), np.square(a) * var]
# %% covariance_2d
def covariance_2d(X):
    return np.cov(X, rowvar=False, bias=True)
