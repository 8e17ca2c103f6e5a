"""dfdmu differentiates (x - mu)**2 without the inner derivative -1: the sign is flipped.
steepest_step, which uses dfdmu, then walks the wrong way in mu."""
# fails: test_dfdmu_visible,test_dfdmu_hidden,test_steepest_step_visible,test_steepest_step_hidden
# %% dfdmu
def dfdmu(x, mu, sig):
    return f(x, mu, sig) * (mu - x) / sig**2
