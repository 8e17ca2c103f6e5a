"""One-sided differences f(x + h e_i + h e_j) - f(x + h e_i) - f(x + h e_j) + f(x): error ~ h."""
# fails: test_finite_difference_hessian_visible, test_finite_difference_hessian_hidden
# %% finite_difference_hessian
def finite_difference_hessian(f, x, h=1e-4):
    n = len(x)
    E = h * np.eye(n)
    fx = f(x)
    H = np.zeros((n, n))
    for i in range(n):
        for j in range(n):
            H[i, j] = (f(x + E[i] + E[j]) - f(x + E[i]) - f(x + E[j]) + fx) / h**2
    return H
