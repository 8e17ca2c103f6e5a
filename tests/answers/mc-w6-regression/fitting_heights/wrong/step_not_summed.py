"""steepest_step multiplies elementwise instead of summing over the bins: a (2, n) array."""
# fails: test_steepest_step_visible, test_steepest_step_hidden
# %% steepest_step
def steepest_step(x, y, mu, sig, aggression):
    J = np.array([
        -2 * (y - f(x, mu, sig)) * dfdmu(x, mu, sig),
        -2 * (y - f(x, mu, sig)) * dfdsig(x, mu, sig),
    ])
    return -aggression * J
