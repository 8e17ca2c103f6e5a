"""Uses h**2 instead of 4 h**2 under the four-point mixed formula: mixed entries 4 times too big."""
# fails: test_finite_difference_hessian_visible, test_finite_difference_hessian_hidden
# %% finite_difference_hessian
def finite_difference_hessian(f, x, h=1e-4):
    n = len(x)
    E = h * np.eye(n)
    H = np.zeros((n, n))
    for i in range(n):
        for j in range(n):
            if i == j:
                H[i, i] = (f(x + E[i]) - 2 * f(x) + f(x - E[i])) / h**2
            else:
                H[i, j] = (f(x + E[i] + E[j]) - f(x + E[i] - E[j])
                           - f(x - E[i] + E[j]) + f(x - E[i] - E[j])) / h**2
    return H
