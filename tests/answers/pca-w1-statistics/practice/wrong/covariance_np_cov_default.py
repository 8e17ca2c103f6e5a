"""covariance_2d calls np.cov(X.T), which divides by N - 1."""
# fails: test_covariance_2d_visible, test_covariance_2d_hidden
# %% covariance_2d
def covariance_2d(X):
    return np.cov(X.T)
