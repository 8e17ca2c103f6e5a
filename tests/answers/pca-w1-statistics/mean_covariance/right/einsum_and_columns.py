"""Outer products summed point by point without reusing mean_naive; einsum for the covariance
and the affine covariance; the affine mean computed with column vectors (M, 1) and flattened."""
# fails: none
# %% mean_naive
def mean_naive(X):
    total = np.zeros(X.shape[1], dtype=float)
    count = 0
    for row in X:
        total += row
        count += 1
    return total / count
# %% cov_naive
def cov_naive(X):
    X = np.asarray(X, dtype=float)
    mu = X[0].copy()
    for n in range(1, len(X)):  # running mean
        mu += (X[n] - mu) / (n + 1)
    S = np.zeros((X.shape[1], X.shape[1]))
    for row in X:
        S += np.outer(row - mu, row - mu)
    return S / len(X)
# %% mean
def mean(X):
    return X.sum(axis=0) / len(X)
# %% cov
def cov(X):
    centred = X - X.sum(axis=0) / X.shape[0]
    return np.einsum("ni,nj->ij", centred, centred) / X.shape[0]
# %% affine_mean
def affine_mean(mean, A, b):
    column = A @ np.reshape(mean, (-1, 1)) + np.reshape(b, (-1, 1))
    return column.ravel()
# %% affine_covariance
def affine_covariance(S, A, b):
    return np.einsum("ij,jk,lk->il", A, S, A)
