"""Python loops over the points everywhere; sigma broadcast with np.broadcast_to; plain tuples
and lists returned."""
# fails: none
# %% chi_squared
def chi_squared(x, y, m, c, sigma=1.0):
    sig = np.broadcast_to(sigma, np.shape(x))
    total = 0.0
    for xi, yi, si in zip(x, y, sig, strict=True):
        total += ((yi - m * xi - c) / si) ** 2
    return total
# %% fit_line
def fit_line(x, y):
    n = len(x)
    mx, my = sum(x) / n, sum(y) / n
    sxy = sum((x[i] - mx) * (y[i] - my) for i in range(n))
    sxx = sum((x[i] - mx) ** 2 for i in range(n))
    return (sxy / sxx, my - sxy / sxx * mx)
# %% chi_squared_gradient
def chi_squared_gradient(x, y, m, c):
    dm = dc = 0.0
    for xi, yi in zip(x, y, strict=True):
        r = yi - (m * xi + c)
        dm += -2 * xi * r
        dc += -2 * r
    return [dm, dc]
# %% fit_by_gradient_descent
def fit_by_gradient_descent(x, y, m0, c0, rate, steps):
    m, c = m0, c0
    for _ in range(steps):
        dm, dc = chi_squared_gradient(x, y, m, c)
        m, c = m - rate * dm, c - rate * dc
    return [m, c]
