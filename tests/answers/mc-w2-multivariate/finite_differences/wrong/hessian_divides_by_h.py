"""Second differences divided by h (and 4h) instead of h**2 (and 4 h**2)."""
# fails: test_finite_difference_hessian_visible, test_finite_difference_hessian_hidden
# %% finite_difference_hessian
def finite_difference_hessian(f, x, h=1e-4):
    n = len(x)
    E = h * np.eye(n)
    H = np.zeros((n, n))
    for i in range(n):
        H[i, i] = (f(x + E[i]) - 2 * f(x) + f(x - E[i])) / h
        for j in range(i + 1, n):
            H[i, j] = H[j, i] = (f(x + E[i] + E[j]) - f(x + E[i] - E[j])
                                 - f(x - E[i] + E[j]) + f(x - E[i] - E[j])) / (4 * h)
    return H
