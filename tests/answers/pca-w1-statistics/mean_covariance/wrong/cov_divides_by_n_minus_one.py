"""cov uses np.cov with rowvar=False but keeps its default N - 1 normalisation (the sample
covariance), not the population covariance the docstring asks for."""
# fails: test_cov_visible, test_cov_hidden
# %% cov
def cov(X):
    return np.cov(X, rowvar=False)
