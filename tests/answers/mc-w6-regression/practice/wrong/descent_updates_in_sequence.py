"""fit_by_gradient_descent updates m first and then computes the c-gradient with the new m."""
# fails: test_fit_by_gradient_descent_visible, test_fit_by_gradient_descent_hidden
# %% fit_by_gradient_descent
def fit_by_gradient_descent(x, y, m0, c0, rate, steps):
    m, c = m0, c0
    for _ in range(steps):
        m = m - rate * chi_squared_gradient(x, y, m, c)[0]
        c = c - rate * chi_squared_gradient(x, y, m, c)[1]
    return np.array([m, c])
