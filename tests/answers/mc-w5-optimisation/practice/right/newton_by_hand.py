"""Newton's method written by hand with a finite-difference Jacobian, stopping when the step is
tiny; the rectangle from the angle parametrisation (a cos t, b sin t) at t = pi / 4."""
# fails: none
# %% lagrange_system
def lagrange_system(grad_f, grad_g, g, v):
    point = np.array(v[:2], dtype=float)
    return np.concatenate([grad_f(point) - v[2] * grad_g(point), [g(point)]])
# %% solve_lagrange
def solve_lagrange(grad_f, grad_g, g, start):
    v = np.array(start, dtype=float)
    for _ in range(100):
        r = lagrange_system(grad_f, grad_g, g, v)
        h = 1e-7
        jac = np.column_stack([(lagrange_system(grad_f, grad_g, g, v + h * e) - r) / h
                               for e in np.eye(3)])
        step = np.linalg.solve(jac, -r)
        v = v + step
        if np.linalg.norm(step) < 1e-13:
            break
    return v
# %% largest_rectangle_in_ellipse
import math


def largest_rectangle_in_ellipse(a, b):
    t = math.pi / 4
    return [2 * a * math.cos(t), 2 * b * math.sin(t)]
