"""jacobian_polar puts one row per input (the transpose of the Jacobian)."""
# fails: test_jacobian_polar_visible, test_jacobian_polar_hidden, test_numerical_jacobian_visible, test_numerical_jacobian_hidden
# %% jacobian_polar
def jacobian_polar(r, theta):
    return np.array([[np.cos(theta), np.sin(theta)], [-r * np.sin(theta), r * np.cos(theta)]])
# %% numerical_jacobian
def numerical_jacobian(u, p, h=1e-6):
    p = np.asarray(p, dtype=float)
    rows = []
    for j in range(p.size):
        e = np.zeros(p.size)
        e[j] = h
        rows.append((u(p + e) - u(p - e)) / (2 * h))
    return np.array(rows)
