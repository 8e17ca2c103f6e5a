"""solve_lagrange returns scipy's OptimizeResult instead of the root stored in its .x."""
# fails: test_solve_lagrange_visible, test_solve_lagrange_hidden
# %% solve_lagrange
def solve_lagrange(grad_f, grad_g, g, start):
    return optimize.root(lambda v: lagrange_system(grad_f, grad_g, g, v), start)
