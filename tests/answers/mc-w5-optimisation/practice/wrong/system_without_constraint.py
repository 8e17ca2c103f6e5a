"""lagrange_system returns only grad f - lambda grad g and forgets the equation g = 0."""
# fails: test_lagrange_system_visible, test_lagrange_system_hidden, test_solve_lagrange_visible, test_solve_lagrange_hidden
# %% lagrange_system
def lagrange_system(grad_f, grad_g, g, v):
    v = np.asarray(v, dtype=float)
    return np.asarray(grad_f(v[:2]), dtype=float) - v[2] * np.asarray(grad_g(v[:2]), dtype=float)
