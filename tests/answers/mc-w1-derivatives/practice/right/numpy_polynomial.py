"""numpy.polynomial does the polynomial; the product rule written as x^(a-1) e^(bx) (a + b x);
the chain rule through np.sin(u + pi/2) for cos."""
# fails: none
# %% polynomial_derivative
def polynomial_derivative(coefficients):
    return np.polynomial.Polynomial(coefficients).deriv().coef
# %% product_derivative
def product_derivative(a, b, x):
    return x ** (a - 1) * np.exp(b * x) * (a + b * x)
# %% chain_derivative
def chain_derivative(a, b, x):
    return np.sin(a * x**b + np.pi / 2) * (a * b * x ** (b - 1))
# %% match_derivative
def match_derivative(x, f_values, candidates):
    # np.gradient and the sum of absolute differences; argmin returns a NumPy integer
    return np.argmin(np.abs(np.asarray(candidates) - np.gradient(f_values, x)).sum(axis=1))
