"""steepest_step loops over range(24), the number of bins of the heights histogram: right on
those data, wrong (or an IndexError) on a histogram with another number of bins."""
# fails: test_steepest_step_visible, test_steepest_step_hidden
# %% steepest_step
def steepest_step(x, y, mu, sig, aggression):
    J = np.zeros(2)
    for i in range(24):
        residual = y[i] - f(x[i], mu, sig)
        J[0] += -2 * residual * dfdmu(x[i], mu, sig)
        J[1] += -2 * residual * dfdsig(x[i], mu, sig)
    return -aggression * J
