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
# %% match_derivative
def match_derivative(x, f_values, candidates):
    # forward differences, compared with each curve at the midpoints, by the sum of squares
    best, best_error = None, None
    for i in range(len(candidates)):
        error = 0.0
        for j in range(len(x) - 1):
            slope = (f_values[j + 1] - f_values[j]) / (x[j + 1] - x[j])
            middle = (candidates[i][j] + candidates[i][j + 1]) / 2
            error += (slope - middle) ** 2
        if best_error is None or error < best_error:
            best, best_error = i, error
    return best
