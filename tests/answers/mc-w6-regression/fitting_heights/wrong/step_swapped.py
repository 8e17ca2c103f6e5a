"""steepest_step returns [delta_sig, delta_mu]: the two components in the wrong order."""
# fails: test_steepest_step_visible, test_steepest_step_hidden
# %% steepest_step
def steepest_step(x, y, mu, sig, aggression):
    residual = y - f(x, mu, sig)
    d_mu = 2 * aggression * residual @ dfdmu(x, mu, sig)
    d_sig = 2 * aggression * residual @ dfdsig(x, mu, sig)
    return np.array([d_sig, d_mu])
