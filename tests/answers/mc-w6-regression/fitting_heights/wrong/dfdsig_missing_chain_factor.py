"""dfdsig forgets the factor 2 of d(sig**-2)/dsig = -2 sig**-3 in the exponent's derivative;
steepest_step inherits it."""
# fails: test_dfdsig_visible,test_dfdsig_hidden,test_steepest_step_visible,test_steepest_step_hidden
# %% dfdsig
def dfdsig(x, mu, sig):
    return f(x, mu, sig) * ((x - mu) ** 2 / (2 * sig**3) - 1 / sig)
