"""fit_by_gradient_descent loops over range(1, steps): one step fewer than asked."""
# fails: test_fit_by_gradient_descent_visible, test_fit_by_gradient_descent_hidden
# %% fit_by_gradient_descent
def fit_by_gradient_descent(x, y, m0, c0, rate, steps):
    params = np.array([m0, c0], dtype=float)
    for _ in range(1, steps):
        params = params - rate * chi_squared_gradient(x, y, *params)
    return params
