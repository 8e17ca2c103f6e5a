"""mean keeps the averaged axis and returns shape (1, D) instead of the documented (D,)."""
# fails: test_mean_visible, test_mean_hidden
# %% mean
def mean(X):
    return np.mean(X, axis=0, keepdims=True)
