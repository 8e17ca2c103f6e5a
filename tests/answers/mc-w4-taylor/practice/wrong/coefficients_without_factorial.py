"""taylor_coefficients returns the derivatives themselves, forgetting to divide by k!."""
# fails: test_taylor_coefficients_visible, test_taylor_coefficients_hidden, test_taylor_errors_visible, test_taylor_errors_hidden
# %% taylor_coefficients
def taylor_coefficients(derivatives):
    return np.asarray(derivatives, dtype=float)
