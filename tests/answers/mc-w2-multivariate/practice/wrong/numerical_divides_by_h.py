"""numerical_jacobian divides the central difference by h instead of 2h."""
# fails: test_numerical_jacobian_visible, test_numerical_jacobian_hidden
# %% numerical_jacobian
def numerical_jacobian(u, p, h=1e-6):
    p = np.asarray(p, dtype=float)
    return np.column_stack([(u(p + h * e) - u(p - h * e)) / h for e in np.eye(p.size)])
