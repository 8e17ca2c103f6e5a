"""chi_squared_gradient forgets the factor 2 from differentiating the square."""
# fails: test_chi_squared_gradient_visible, test_chi_squared_gradient_hidden, test_fit_by_gradient_descent_visible, test_fit_by_gradient_descent_hidden
# %% chi_squared_gradient
def chi_squared_gradient(x, y, m, c):
    r = y - (m * x + c)
    return np.array([-np.sum(x * r), -np.sum(r)])
