"""taylor_errors returns the signed differences f(x) - p_n(x), not their sizes."""
# fails: test_taylor_errors_visible, test_taylor_errors_hidden
# %% taylor_errors
def taylor_errors(derivatives, a, x, true_value):
    c = taylor_coefficients(derivatives)
    return np.array([true_value - taylor_polynomial(c[: n + 1], a, x) for n in range(c.size)])
