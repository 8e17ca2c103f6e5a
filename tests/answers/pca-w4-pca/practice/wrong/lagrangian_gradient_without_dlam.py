"""lagrangian_gradient returns only the D derivatives along b, without dL/dlam."""
# fails: test_lagrangian_gradient_visible, test_lagrangian_gradient_hidden
# %% lagrangian_gradient
def lagrangian_gradient(S, b, lam):
    return 2 * S @ b - 2 * lam * b
