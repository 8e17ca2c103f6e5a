"""Matrix form: the design matrix [x, 1], the normal equations solved with np.linalg.lstsq,
the gradient as -2 A^T r, and descent on the parameter vector."""
# fails: none
# %% chi_squared
def chi_squared(x, y, m, c, sigma=1.0):
    weighted = (np.asarray(y) - np.polyval([m, c], x)) / np.asarray(sigma, dtype=float)
    return weighted @ weighted
# %% fit_line
def fit_line(x, y):
    A = np.column_stack([x, np.ones_like(x)])
    return np.linalg.lstsq(A, y, rcond=None)[0]
# %% chi_squared_gradient
def chi_squared_gradient(x, y, m, c):
    A = np.column_stack([x, np.ones_like(x)])
    return -2 * A.T @ (y - A @ np.array([m, c]))
# %% fit_by_gradient_descent
def fit_by_gradient_descent(x, y, m0, c0, rate, steps):
    theta = np.array([m0, c0], dtype=float)
    k = 0
    while k < steps:
        theta -= rate * chi_squared_gradient(x, y, theta[0], theta[1])
        k += 1
    return theta
