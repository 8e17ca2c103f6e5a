"""Element-by-element loops over plain Python numbers for the naive versions; np.mean and
np.cov(X, rowvar=False, bias=True) for the vectorised ones; .dot chains for the affine maps."""
# fails: none
# %% mean_naive
def mean_naive(X):
    N, D = X.shape
    result = []
    for d in range(D):
        column_total = 0
        for n in range(N):
            column_total += X[n, d]
        result.append(column_total / N)
    return np.array(result)
# %% cov_naive
def cov_naive(X):
    N, D = X.shape
    mu = [sum(X[n, d] for n in range(N)) / N for d in range(D)]
    S = np.zeros((D, D))
    for i in range(D):
        for j in range(D):
            for n in range(N):
                S[i, j] += (X[n, i] - mu[i]) * (X[n, j] - mu[j])
            S[i, j] /= N
    return S
# %% mean
def mean(X):
    return np.mean(X, axis=0)
# %% cov
def cov(X):
    return np.cov(X, rowvar=False, bias=True)
# %% affine_mean
def affine_mean(mean, A, b):
    return A.dot(mean) + b
# %% affine_covariance
def affine_covariance(S, A, b):
    return A.dot(S).dot(A.T)
