"""normalize subtracts the mean from X in place, so the caller's data is changed."""
# fails: test_normalize_visible, test_normalize_hidden
# %% normalize
def normalize(X):
    mean = X.mean(axis=0)
    X -= mean
    return X, mean
