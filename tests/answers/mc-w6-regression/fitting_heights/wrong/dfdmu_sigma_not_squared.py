"""dfdmu divides by sig instead of sig**2 (right only when sig = 1); steepest_step inherits it."""
# fails: test_dfdmu_visible,test_dfdmu_hidden,test_steepest_step_visible,test_steepest_step_hidden
# %% dfdmu
def dfdmu(x, mu, sig):
    return f(x, mu, sig) * (x - mu) / sig
