"""Written for the sandpit's two variables only: d/dx and d/dy, whatever the length of x."""
# fails: test_finite_difference_gradient_visible, test_finite_difference_gradient_hidden
# %% finite_difference_gradient
def finite_difference_gradient(f, x, h=1e-5):
    dx = np.array([h, 0.0])
    dy = np.array([0.0, h])
    return np.array([(f(x + dx) - f(x - dx)) / (2 * h), (f(x + dy) - f(x - dy)) / (2 * h)])
