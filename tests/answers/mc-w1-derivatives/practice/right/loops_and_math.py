"""A loop over the coefficients building a list; math-style formulas with np.power; the product
rule with the exponential factored out differently."""
# fails: none
# %% polynomial_derivative
def polynomial_derivative(coefficients):
    out = [k * coefficients[k] for k in range(1, len(coefficients))]
    return out or [0.0]
# %% product_derivative
def product_derivative(a, b, x):
    e = np.exp(b * x)
    return a * np.power(x, a - 1) * e + np.power(x, a) * b * e
# %% chain_derivative
def chain_derivative(a, b, x):
    inner = a * np.power(x, b)
    inner_slope = a * b * np.power(x, b - 1)
    return inner_slope * np.cos(inner)
