"""taylor_coefficients divides the k-th derivative by k instead of k! (and by 1 for k = 0)."""
# fails: test_taylor_coefficients_visible, test_taylor_coefficients_hidden, test_taylor_errors_visible, test_taylor_errors_hidden
# %% taylor_coefficients
def taylor_coefficients(derivatives):
    d = np.asarray(derivatives, dtype=float)
    return d / np.maximum(np.arange(d.size), 1)
