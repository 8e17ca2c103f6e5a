"""partial_derivatives returns [df/dy, df/dx], the two entries in the wrong order."""
# fails: test_partial_derivatives_visible, test_partial_derivatives_hidden
# %% partial_derivatives
def partial_derivatives(a, b, x, y):
    c = np.cos(x * y)
    return np.array([a * x**2 + b * x * c, 2 * a * x * y + b * y * c])
