"""chi_squared_gradient drops the minus sign of dr/dm = -x and dr/dc = -1 (points downhill)."""
# fails: test_chi_squared_gradient_visible, test_chi_squared_gradient_hidden, test_fit_by_gradient_descent_visible, test_fit_by_gradient_descent_hidden
# %% chi_squared_gradient
def chi_squared_gradient(x, y, m, c):
    r = y - (m * x + c)
    return np.array([2 * np.sum(x * r), 2 * np.sum(r)])
