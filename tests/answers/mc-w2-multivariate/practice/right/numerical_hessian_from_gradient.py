"""The Hessian computed as the learner's numerical_jacobian of their own partial_derivatives
(accurate to about 1e-9 with h = 1e-5); the polar Jacobian with np.block."""
# fails: none
# %% jacobian_polar
def jacobian_polar(r, theta):
    return np.block([[np.cos(theta), -r * np.sin(theta)], [np.sin(theta), r * np.cos(theta)]])
# %% hessian
def hessian(a, b, x, y):
    J = numerical_jacobian(lambda q: partial_derivatives(a, b, q[0], q[1]), np.array([x, y]),
                           1e-5)
    return (J + J.T) / 2
