"""Moves the caller's x in place and puts every entry back exactly (its saved value) after
each evaluation; the Hessian's diagonal and off-diagonal entries are filled in two passes."""
# fails: none
# %% finite_difference_gradient
def finite_difference_gradient(f, x, h=1e-5):
    g = np.zeros(len(x))
    for i in range(len(x)):
        saved = x[i]
        x[i] = saved + h
        f_plus = f(x)
        x[i] = saved - h
        f_minus = f(x)
        x[i] = saved
        g[i] = (f_plus - f_minus) / (2 * h)
    return g
# %% finite_difference_hessian
def finite_difference_hessian(f, x, h=1e-4):
    n = len(x)
    f0 = f(x)

    def at(i, di, j=None, dj=0.0):
        saved_i = x[i]
        saved_j = x[j] if j is not None else None
        x[i] = saved_i + di
        if j is not None:
            x[j] = saved_j + dj
        value = f(x)
        x[i] = saved_i
        if j is not None:
            x[j] = saved_j
        return value

    H = np.zeros((n, n))
    for i in range(n):
        H[i, i] = (at(i, h) - 2 * f0 + at(i, -h)) / h**2
    for i in range(n):
        for j in range(n):
            if i != j:
                H[i, j] = (at(i, h, j, h) - at(i, h, j, -h) - at(i, -h, j, h)
                           + at(i, -h, j, -h)) / (4 * h**2)
    return H
