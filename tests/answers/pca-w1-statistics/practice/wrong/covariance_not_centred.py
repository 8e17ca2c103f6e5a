"""covariance_2d computes X^T X / N without centring the columns."""
# fails: test_covariance_2d_visible, test_covariance_2d_hidden
# %% covariance_2d
def covariance_2d(X):
    return X.T @ X / X.shape[0]
