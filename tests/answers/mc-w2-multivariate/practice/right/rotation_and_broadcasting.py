"""The polar Jacobian as a rotation times diag(1, r); the numerical Jacobian with all steps at
once (u applied to the rows of p + h I); the Hessian as the sum of the two terms' Hessians."""
# fails: none
# %% partial_derivatives
def partial_derivatives(a, b, x, y):
    grad_poly = a * np.array([2 * x * y, x**2])
    grad_sine = b * np.cos(x * y) * np.array([y, x])
    return grad_poly + grad_sine
# %% jacobian_polar
def jacobian_polar(r, theta):
    c, s = np.cos(theta), np.sin(theta)
    return np.array([[c, -s], [s, c]]) @ np.diag([1.0, r])
# %% numerical_jacobian
def numerical_jacobian(u, p, h=1e-6):
    p = np.asarray(p, dtype=float)
    steps = h * np.eye(p.size)
    forward = np.array([u(p + row) for row in steps])
    backward = np.array([u(p - row) for row in steps])
    return ((forward - backward) / (2 * h)).T
# %% hessian
def hessian(a, b, x, y):
    poly = a * np.array([[2 * y, 2 * x], [2 * x, 0.0]])
    outer = np.outer([y, x], [y, x])
    sine = b * (-np.sin(x * y) * outer + np.cos(x * y) * np.array([[0.0, 1.0], [1.0, 0.0]]))
    return poly + sine
