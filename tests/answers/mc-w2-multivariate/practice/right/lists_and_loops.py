"""Lists of lists, math-module scalars, a loop over unit vectors that fills a preallocated
matrix column by column."""
# fails: none
# %% partial_derivatives
import math


def partial_derivatives(a, b, x, y):
    return [2 * a * x * y + b * y * math.cos(x * y), a * x * x + b * x * math.cos(x * y)]
# %% jacobian_polar
def jacobian_polar(r, theta):
    return [[math.cos(theta), -r * math.sin(theta)], [math.sin(theta), r * math.cos(theta)]]
# %% numerical_jacobian
def numerical_jacobian(u, p, h=1e-6):
    p = np.array(p, dtype=float)
    m = np.size(u(p))
    J = np.zeros((m, p.size))
    for j in range(p.size):
        step = np.zeros_like(p)
        step[j] = h
        J[:, j] = (np.ravel(u(p + step)) - np.ravel(u(p - step))) / (2 * h)
    return J
# %% hessian
def hessian(a, b, x, y):
    fxx = 2 * a * y - b * y * y * math.sin(x * y)
    fxy = 2 * a * x + b * (math.cos(x * y) - x * y * math.sin(x * y))
    fyy = -b * x * x * math.sin(x * y)
    return [[fxx, fxy], [fxy, fyy]]
