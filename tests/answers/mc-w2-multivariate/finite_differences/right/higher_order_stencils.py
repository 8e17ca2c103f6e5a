"""A fourth-order five-point stencil for the gradient, and the four-point formula for every
Hessian entry (the diagonal included), written with float lists and numpy scalars."""
# fails: none
# %% finite_difference_gradient
def finite_difference_gradient(f, x, h=1e-5):
    x = np.array(x, dtype=float)
    out = np.empty_like(x)
    for i in range(x.size):
        e = np.zeros_like(x)
        e[i] = h
        out[i] = (-f(x + 2 * e) + 8 * f(x + e) - 8 * f(x - e) + f(x - 2 * e)) / (12 * h)
    return out
# %% finite_difference_hessian
def finite_difference_hessian(f, x, h=1e-4):
    x = np.array(x, dtype=float)
    n = x.size
    E = np.eye(n) * h
    H = np.empty((n, n))
    for i in range(n):
        for j in range(n):
            H[i, j] = (f(x + E[i] + E[j]) - f(x + E[i] - E[j])
                       - f(x - E[i] + E[j]) + f(x - E[i] - E[j])) / (4 * h**2)
    return H
