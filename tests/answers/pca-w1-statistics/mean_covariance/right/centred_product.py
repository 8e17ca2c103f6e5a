"""Converts to float first; a while loop for the naive mean; the naive covariance from the
naive mean; (X - mu)^T (X - mu) / N via matmul; np.matmul for the affine maps; the affine mean
returned as a column (M, 1), which the docstring allows."""
# fails: none
# %% mean_naive
def mean_naive(X):
    X = np.asarray(X, dtype=np.float64)
    n, total = 0, np.zeros(X.shape[1])
    while n < X.shape[0]:
        total = total + X[n, :]
        n += 1
    return total / X.shape[0]
# %% cov_naive
def cov_naive(X):
    X = np.asarray(X, dtype=np.float64)
    mu = mean_naive(X)
    D = X.shape[1]
    S = np.zeros((D, D))
    for x in X:
        d = (x - mu).reshape(D, 1)
        S = S + d @ d.T
    return S / X.shape[0]
# %% mean
def mean(X):
    X = np.asarray(X, dtype=float)
    return np.ones(X.shape[0]) @ X / X.shape[0]
# %% cov
def cov(X):
    X = np.asarray(X, dtype=float)
    mu = mean(X)
    return np.matmul((X - mu).T, X - mu) / len(X)
# %% affine_mean
def affine_mean(mean, A, b):
    return np.matmul(A, mean).reshape(-1, 1) + np.reshape(b, (-1, 1))
# %% affine_covariance
def affine_covariance(S, A, b):
    return (A @ S) @ np.transpose(A)
