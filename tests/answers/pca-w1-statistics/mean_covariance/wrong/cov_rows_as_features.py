"""cov calls np.cov(X, bias=True) without rowvar=False, so NumPy treats each row as a feature
and returns an N x N matrix."""
# fails: test_cov_visible, test_cov_hidden
# %% cov
def cov(X):
    return np.cov(X, bias=True)
