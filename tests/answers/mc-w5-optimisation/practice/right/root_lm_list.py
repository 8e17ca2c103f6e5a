"""scipy.optimize.root with the Levenberg-Marquardt method, the system stacked with np.hstack,
and the rectangle as a list built from a loop over the semi-axes."""
# fails: none
# %% lagrange_system
def lagrange_system(grad_f, grad_g, g, v):
    v = np.ravel(v).astype(float)
    return np.hstack([np.subtract(grad_f(v[:2]), np.multiply(v[2], grad_g(v[:2]))), g(v[:2])])
# %% solve_lagrange
def solve_lagrange(grad_f, grad_g, g, start):
    result = optimize.root(lambda v: lagrange_system(grad_f, grad_g, g, v), start, method="lm",
                           options={"xtol": 1e-14, "ftol": 1e-14})
    return result.x
# %% largest_rectangle_in_ellipse
def largest_rectangle_in_ellipse(a, b):
    return [side * 2 ** 0.5 for side in (a, b)]
