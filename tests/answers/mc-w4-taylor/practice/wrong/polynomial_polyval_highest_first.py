"""taylor_polynomial hands the coefficients to np.polyval, which reads them highest power first."""
# fails: test_taylor_polynomial_visible, test_taylor_polynomial_hidden, test_taylor_errors_visible, test_taylor_errors_hidden
# %% taylor_polynomial
def taylor_polynomial(coefficients, a, x):
    return np.polyval(coefficients, np.asarray(x, dtype=float) - a)
