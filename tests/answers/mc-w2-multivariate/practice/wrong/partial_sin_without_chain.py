"""partial_derivatives differentiates sin(xy) as cos(xy), forgetting the inner derivative."""
# fails: test_partial_derivatives_visible, test_partial_derivatives_hidden
# %% partial_derivatives
def partial_derivatives(a, b, x, y):
    return np.array([2 * a * x * y + b * np.cos(x * y), a * x**2 + b * np.cos(x * y)])
