"""The original course's later version (points as rows): np.mean with axis=0, np.cov with
rowvar=False and bias=True, `A @ mean + b` and `A @ S @ A.T`; the naive versions loop with
np.sum over the running totals."""
# fails: none
# %% mean_naive
def mean_naive(X):
    N, D = X.shape
    mean = np.zeros((D,))
    for n in range(N):
        mean = mean + X[n, :]
    return mean / N
# %% cov_naive
def cov_naive(X):
    N, D = X.shape
    covariance = np.zeros((D, D))
    mu = mean_naive(X)
    for n in range(N):
        covariance = covariance + np.outer(X[n] - mu, X[n] - mu)
    return covariance / N
# %% mean
def mean(X):
    return np.mean(X, axis=0)
# %% cov
def cov(X):
    return np.cov(X, rowvar=False, bias=True)
# %% affine_mean
def affine_mean(mean, A, b):
    return A @ mean + b
# %% affine_covariance
def affine_covariance(S, A, b):
    return A @ S @ A.T
