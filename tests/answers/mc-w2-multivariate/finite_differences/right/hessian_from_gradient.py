"""Vectorised gradient over the rows of h * eye(n); the Hessian is the central difference of
that gradient (so the diagonal effectively uses a step of 2h), and is not symmetrised."""
# fails: none
# %% finite_difference_gradient
def finite_difference_gradient(f, x, h=1e-5):
    steps = h * np.eye(x.size)
    return np.array([f(x + e) - f(x - e) for e in steps]) / (2 * h)
# %% finite_difference_hessian
def finite_difference_hessian(f, x, h=1e-4):
    steps = h * np.eye(x.size)
    rows = [(finite_difference_gradient(f, x + e, h) - finite_difference_gradient(f, x - e, h))
            / (2 * h) for e in steps]
    return np.vstack(rows)
