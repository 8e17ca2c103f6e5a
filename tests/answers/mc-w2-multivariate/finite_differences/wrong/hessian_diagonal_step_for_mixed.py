"""Uses the diagonal formula along e_i + e_j for the mixed entries, which measures the
curvature along the diagonal direction (H_ii + 2 H_ij + H_jj), not H_ij."""
# fails: test_finite_difference_hessian_visible, test_finite_difference_hessian_hidden
# %% finite_difference_hessian
def finite_difference_hessian(f, x, h=1e-4):
    n = len(x)
    E = h * np.eye(n)
    H = np.zeros((n, n))
    for i in range(n):
        for j in range(n):
            step = E[i] + E[j] if i != j else E[i]
            H[i, j] = (f(x + step) - 2 * f(x) + f(x - step)) / h**2
    return H
