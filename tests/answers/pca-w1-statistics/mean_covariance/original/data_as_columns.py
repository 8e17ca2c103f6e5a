"""The original course's first version: data points as the columns of X, shape (D, N), and
means returned as columns of shape (D, 1)."""
# fails: test_mean_naive_visible, test_mean_naive_hidden, test_cov_naive_visible, test_cov_naive_hidden
# message: the original course stored points as columns
# ruff: noqa: E501
# %% mean_naive
def mean_naive(X):
    D, N = X.shape
    mean = np.zeros((D, 1))
    for n in range(N):
        mean = mean + X[:, n].reshape(D, 1)
    return mean / N
# %% cov_naive
def cov_naive(X):
    D, N = X.shape
    centred = X - mean_naive(X)
    covariance = np.zeros((D, D))
    for n in range(N):
        covariance = covariance + np.outer(centred[:, n], centred[:, n])
    return covariance / N
