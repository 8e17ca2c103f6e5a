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
