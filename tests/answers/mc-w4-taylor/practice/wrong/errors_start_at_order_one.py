"""taylor_errors starts at order 1 (range(1, N + 1)): one entry short, the constant term missed."""
# fails: test_taylor_errors_visible, test_taylor_errors_hidden
# %% taylor_errors
def taylor_errors(derivatives, a, x, true_value):
    c = taylor_coefficients(derivatives)
    return np.array([abs(true_value - taylor_polynomial(c[: n + 1], a, x))
                     for n in range(1, c.size)])
