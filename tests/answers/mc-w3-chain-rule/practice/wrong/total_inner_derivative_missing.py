"""total_derivative differentiates cos(at) as -sin(at) and exp(bt) as exp(bt), dropping the rates a
and b of the inner functions."""
# fails: test_total_derivative_visible, test_total_derivative_hidden
# %% total_derivative
def total_derivative(a, b, t):
    x, y = np.cos(a * t), np.exp(b * t)
    return 2 * x * y * (-np.sin(a * t)) + x**2 * y
