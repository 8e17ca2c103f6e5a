"""mean_naive accumulates in np.zeros_like(X[0]) and divides in place: fine for float data, but
integer data raises (an in-place division cannot store floats in an integer array)."""
# fails: test_mean_naive_visible, test_mean_naive_hidden
# %% mean_naive
def mean_naive(X):
    total = np.zeros_like(X[0])
    for x in X:
        total += x
    total /= len(X)
    return total
