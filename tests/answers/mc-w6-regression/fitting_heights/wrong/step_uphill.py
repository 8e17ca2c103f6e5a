"""steepest_step returns +aggression * J, a step uphill on chi^2."""
# fails: test_steepest_step_visible, test_steepest_step_hidden
# %% steepest_step
def steepest_step(x, y, mu, sig, aggression):
    J = np.array([
        -2 * (y - f(x, mu, sig)) @ dfdmu(x, mu, sig),
        -2 * (y - f(x, mu, sig)) @ dfdsig(x, mu, sig),
    ])
    return aggression * J
