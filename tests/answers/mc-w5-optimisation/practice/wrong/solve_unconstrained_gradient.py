"""solve_lagrange looks for a zero of grad f alone (an unconstrained stationary point) and keeps
the starting multiplier."""
# fails: test_solve_lagrange_visible, test_solve_lagrange_hidden
# %% solve_lagrange
def solve_lagrange(grad_f, grad_g, g, start):
    start = np.asarray(start, dtype=float)
    point = optimize.root(lambda q: grad_f(q), start[:2]).x
    return np.array([point[0], point[1], start[2]])
