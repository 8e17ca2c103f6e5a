"""hessian differentiates y cos(xy) by y as cos(xy) only, missing the product rule's second term."""
# fails: test_hessian_visible, test_hessian_hidden
# %% hessian
def hessian(a, b, x, y):
    s, c = np.sin(x * y), np.cos(x * y)
    cross = 2 * a * x + b * c
    return np.array([[2 * a * y - b * y**2 * s, cross], [cross, -b * x**2 * s]])
