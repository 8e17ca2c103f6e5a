"""dfdsig differentiates only the exponential and forgets the product rule for the 1/sig in
front (the -f/sig term); steepest_step inherits it."""
# fails: test_dfdsig_visible,test_dfdsig_hidden,test_steepest_step_visible,test_steepest_step_hidden
# %% dfdsig
def dfdsig(x, mu, sig):
    return f(x, mu, sig) * (x - mu) ** 2 / sig**3
