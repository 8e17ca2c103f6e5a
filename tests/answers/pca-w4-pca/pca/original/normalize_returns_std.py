"""The original course's normalize: standardises and returns (Xbar, mean, std)."""
# fails: test_normalize_visible, test_normalize_hidden, test_PCA_visible, test_PCA_hidden, test_PCA_high_dim_visible, test_PCA_high_dim_hidden
# message: this course's normalize returns (Xbar, mean) only
# ruff: noqa: E501
# %% normalize
def normalize(X):
    mu = np.mean(X, axis=0)
    std = np.std(X, axis=0)
    std_filled = std.copy()
    std_filled[std == 0] = 1.0
    Xbar = (X - mu) / std_filled
    return Xbar, mu, std
