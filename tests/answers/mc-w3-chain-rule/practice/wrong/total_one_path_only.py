"""total_derivative keeps only the path through x, forgetting (df/dy)(dy/dt)."""
# fails: test_total_derivative_visible, test_total_derivative_hidden
# %% total_derivative
def total_derivative(a, b, t):
    x, y = np.cos(a * t), np.exp(b * t)
    return 2 * x * y * (-a * np.sin(a * t))
