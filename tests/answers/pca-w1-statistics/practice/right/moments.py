"""Through second moments: E[x^2] - E[x]^2 and E[x x^T] - mean mean^T (with einsum)."""
# fails: none
# %% variance_1d
def variance_1d(x):
    return np.mean(x * x) - np.mean(x) ** 2
# %% shifted_scaled_stats
def shifted_scaled_stats(mean, var, a, b):
    second_moment = var + mean**2
    new_mean = a * mean + b
    new_second = a**2 * second_moment + 2 * a * b * mean + b**2
    return np.array([new_mean, new_second - new_mean**2])
# %% covariance_2d
def covariance_2d(X):
    mean = X.mean(axis=0)
    return np.einsum("ni,nj->ij", X, X) / len(X) - np.outer(mean, mean)
