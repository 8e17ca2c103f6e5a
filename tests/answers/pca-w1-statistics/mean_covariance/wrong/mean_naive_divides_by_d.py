"""mean_naive divides the column sums by the number of features D instead of the number of
points N."""
# fails: test_mean_naive_visible, test_mean_naive_hidden
# %% mean_naive
def mean_naive(X):
    N, D = X.shape
    total = np.zeros(D)
    for n in range(N):
        total = total + X[n]
    return total / D
