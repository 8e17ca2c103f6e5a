"""enumerate over the coefficients returning a tuple; the derivatives written with explicit
helper functions for each rule."""
# fails: none
# %% polynomial_derivative
def polynomial_derivative(coefficients):
    if len(coefficients) < 2:
        return (0.0,)
    return tuple(k * c for k, c in enumerate(coefficients) if k > 0)
# %% product_derivative
def _power(a, x):
    return x**a, a * x ** (a - 1)


def _exponential(b, x):
    return np.exp(b * x), b * np.exp(b * x)


def product_derivative(a, b, x):
    f, df = _power(a, x)
    g, dg = _exponential(b, x)
    return df * g + f * dg
# %% chain_derivative
def chain_derivative(a, b, x):
    def outer_slope(u):
        return np.cos(u)

    return outer_slope(a * x**b) * (a * b * x ** (b - 1))
# %% match_derivative
def match_derivative(x, f_values, candidates):
    # central differences at the inner points; the curve with the smallest largest gap wins
    h = x[1] - x[0]
    slopes = (f_values[2:] - f_values[:-2]) / (2 * h)
    gaps = [(np.max(np.abs(row[1:-1] - slopes)), i) for i, row in enumerate(candidates)]
    return min(gaps)[1]
