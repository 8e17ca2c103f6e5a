"""Written for the sandpit's two variables only: always returns a 2 x 2 matrix."""
# fails: test_finite_difference_hessian_visible, test_finite_difference_hessian_hidden
# %% finite_difference_hessian
def finite_difference_hessian(f, x, h=1e-4):
    dx = np.array([h, 0.0])
    dy = np.array([0.0, h])
    fxx = (f(x + dx) - 2 * f(x) + f(x - dx)) / h**2
    fyy = (f(x + dy) - 2 * f(x) + f(x - dy)) / h**2
    fxy = (f(x + dx + dy) - f(x + dx - dy) - f(x - dx + dy) + f(x - dx - dy)) / (4 * h**2)
    return np.array([[fxx, fxy], [fxy, fyy]])
