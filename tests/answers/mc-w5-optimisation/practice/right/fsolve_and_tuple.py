"""Unpacks v into x, y, lambda and builds a list; scipy.optimize.fsolve; the rectangle via the
multiplier lambda = ab/2 and a tuple of floats."""
# fails: none
# %% lagrange_system
def lagrange_system(grad_f, grad_g, g, v):
    x, y, lam = v
    df = grad_f(np.array([x, y]))
    dg = grad_g(np.array([x, y]))
    return np.array([df[0] - lam * dg[0], df[1] - lam * dg[1], g(np.array([x, y]))])
# %% solve_lagrange
def solve_lagrange(grad_f, grad_g, g, start):
    return optimize.fsolve(lambda v: lagrange_system(grad_f, grad_g, g, v), start, xtol=1e-12)
# %% largest_rectangle_in_ellipse
def largest_rectangle_in_ellipse(a, b):
    lam = a * b / 2  # from y = 2 lambda x / a^2 and x = 2 lambda y / b^2 on the ellipse
    x = np.sqrt(lam * a / b)  # x^2 = lambda a / b = a^2 / 2
    y = lam * 2 * x / a**2
    return (2 * x, 2 * y)
