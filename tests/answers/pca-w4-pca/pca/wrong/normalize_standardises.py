"""normalize also divides by the standard deviation (standardising instead of centring)."""
# fails: test_normalize_visible, test_normalize_hidden, test_PCA_visible, test_PCA_hidden, test_PCA_high_dim_visible, test_PCA_high_dim_hidden
# ruff: noqa: E501
# %% normalize
def normalize(X):
    mean = np.mean(X, axis=0)
    std = np.std(X, axis=0)
    return (X - mean) / std, mean
