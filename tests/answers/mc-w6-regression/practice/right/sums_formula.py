"""The textbook sums formula (n Sxy - Sx Sy) / (n Sxx - Sx^2); np.mean of squared scaled
residuals times n; the gradient through the expanded quadratic; functools.reduce for the descent."""
# fails: none
# %% chi_squared
def chi_squared(x, y, m, c, sigma=1.0):
    return len(x) * np.mean(np.square(np.divide(y - m * x - c, sigma)))
# %% fit_line
def fit_line(x, y):
    n, sx, sy = len(x), np.sum(x), np.sum(y)
    sxx, sxy = np.sum(x * x), np.sum(x * y)
    m = (n * sxy - sx * sy) / (n * sxx - sx**2)
    return np.array([m, (sy - m * sx) / n])
# %% chi_squared_gradient
def chi_squared_gradient(x, y, m, c):
    n, sx, sy = len(x), np.sum(x), np.sum(y)
    sxx, sxy = np.sum(x * x), np.sum(x * y)
    return np.array([2 * (m * sxx + c * sx - sxy), 2 * (m * sx + c * n - sy)])
# %% fit_by_gradient_descent
from functools import reduce


def fit_by_gradient_descent(x, y, m0, c0, rate, steps):
    def step(params, _):
        return params - rate * chi_squared_gradient(x, y, *params)

    return reduce(step, range(steps), np.array([m0, c0], dtype=float))
