"""polynomial_derivative multiplies each coefficient by its power but keeps the constant slot,
so every term stays at its old power."""
# fails: test_polynomial_derivative_visible, test_polynomial_derivative_hidden
# %% polynomial_derivative
def polynomial_derivative(coefficients):
    a = np.asarray(coefficients, dtype=float)
    return a * np.arange(a.size)
