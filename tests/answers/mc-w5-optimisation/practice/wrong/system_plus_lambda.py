"""lagrange_system writes grad f + lambda grad g (the other sign convention than the docstring's),
so every multiplier comes out with the wrong sign."""
# fails: test_lagrange_system_visible, test_lagrange_system_hidden, test_solve_lagrange_visible, test_solve_lagrange_hidden
# %% lagrange_system
def lagrange_system(grad_f, grad_g, g, v):
    x, y, lam = v
    return np.append(np.asarray(grad_f([x, y])) + lam * np.asarray(grad_g([x, y])), g([x, y]))
