"""Second differences with the wrong sign on the diagonal: 2 f(x) - f(x + h) - f(x - h)."""
# fails: test_finite_difference_hessian_visible, test_finite_difference_hessian_hidden
# %% finite_difference_hessian
def finite_difference_hessian(f, x, h=1e-4):
    n = len(x)
    E = h * np.eye(n)
    H = np.zeros((n, n))
    for i in range(n):
        H[i, i] = (2 * f(x) - f(x + E[i]) - f(x - E[i])) / h**2
        for j in range(i + 1, n):
            H[i, j] = H[j, i] = (f(x + E[i] + E[j]) - f(x + E[i] - E[j])
                                 - f(x - E[i] + E[j]) + f(x - E[i] - E[j])) / (4 * h**2)
    return H
