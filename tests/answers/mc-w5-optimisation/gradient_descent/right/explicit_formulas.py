"""Newton step from the explicit inverse of a 2 x 2 matrix with plain floats; a self-contained
hybrid using math.hypot; steps returned as tuples or lists; a recursive Newton-Raphson."""
# fails: none
# %% newton_raphson
def newton_raphson(f, df, x0, tol=1e-12, max_iter=50):
    if max_iter <= 0:
        raise RuntimeError("ran out of iterations")
    x1 = x0 - f(x0) / df(x0)
    if abs(x1 - x0) < tol:
        return x1
    return newton_raphson(f, df, x1, tol, max_iter - 1)
# %% next_step_steepest
def next_step_steepest(depth, J, H):
    return [-GAMMA * float(J[0]), -GAMMA * float(J[1])]
# %% next_step_newton
def next_step_newton(depth, J, H):
    a, b = float(H[0][0]), float(H[0][1])
    c, d = float(H[1][0]), float(H[1][1])
    det = a * d - b * c
    j0, j1 = float(J[0]), float(J[1])
    return (-(d * j0 - b * j1) / det, -(-c * j0 + a * j1) / det)
# %% next_step_hybrid
import math


def next_step_hybrid(depth, J, H):
    a, b, c, d = H[0, 0], H[0, 1], H[1, 0], H[1, 1]
    det = a * d - b * c
    sx = -(d * J[0] - b * J[1]) / det
    sy = -(-c * J[0] + a * J[1]) / det
    if J[0] * sx + J[1] * sy > 0 or math.hypot(sx, sy) > MAX_NEWTON_STEP:
        return np.array([-GAMMA * J[0], -GAMMA * J[1]])
    return np.array([sx, sy])
