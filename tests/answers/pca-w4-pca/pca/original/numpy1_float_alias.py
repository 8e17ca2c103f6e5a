"""NumPy 1 habit: converts the data with np.float_, which NumPy 2 removed."""
# fails: test_normalize_visible, test_normalize_hidden, test_PCA_visible, test_PCA_hidden, test_PCA_high_dim_visible, test_PCA_high_dim_hidden
# message: `np.float_` is gone in NumPy 2: use `np.float64`
# ruff: noqa: E501, NPY201
# %% normalize
def normalize(X):
    X = X.astype(np.float_)
    mean = X.mean(axis=0)
    return X - mean, mean
