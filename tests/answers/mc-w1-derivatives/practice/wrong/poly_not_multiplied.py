"""polynomial_derivative shifts the coefficients down one power without multiplying by it."""
# fails: test_polynomial_derivative_visible, test_polynomial_derivative_hidden
# %% polynomial_derivative
def polynomial_derivative(coefficients):
    a = np.asarray(coefficients, dtype=float)
    return a[1:] if a.size > 1 else np.zeros(1)
