"""taylor_polynomial uses powers of x instead of powers of x - a (right only about a = 0)."""
# fails: test_taylor_polynomial_visible, test_taylor_polynomial_hidden, test_taylor_errors_hidden
# %% taylor_polynomial
def taylor_polynomial(coefficients, a, x):
    x = np.asarray(x, dtype=float)
    return sum(ck * x**k for k, ck in enumerate(coefficients))
