"""polynomial_derivative returns an empty array for a constant instead of [0.0]."""
# fails: test_polynomial_derivative_visible
# %% polynomial_derivative
def polynomial_derivative(coefficients):
    a = np.asarray(coefficients, dtype=float)
    return a[1:] * np.arange(1, a.size)
