"""cov_naive averages the outer products x x^T of the raw points, forgetting to subtract the
mean first."""
# fails: test_cov_naive_visible, test_cov_naive_hidden
# %% cov_naive
def cov_naive(X):
    N, D = X.shape
    S = np.zeros((D, D))
    for n in range(N):
        S = S + np.outer(X[n], X[n])
    return S / N
