"""lagrangian_gradient writes S b - lam b, forgetting the 2 from differentiating the quadratic
forms."""
# fails: test_lagrangian_gradient_visible, test_lagrangian_gradient_hidden
# %% lagrangian_gradient
def lagrangian_gradient(S, b, lam):
    return np.append(S @ b - lam * b, 1 - b @ b)
