"""Returns lists and tuples; dot products for the cost; Cramer's rule with np.linalg.det and a
relative tolerance."""
# fails: none
# %% residuals
def residuals(m, c, x, y):
    return [yi - m * xi - c for xi, yi in zip(x, y, strict=True)]

# %% cost
def cost(m, c, x, y):
    r = np.asarray(y) - m * np.asarray(x) - c
    return np.dot(r, r) / r.size

# %% cost_surface
def cost_surface(ms, cs, x, y):
    return [[cost(m, c, x, y) for m in ms] for c in cs]

# %% best_on_grid
def best_on_grid(ms, cs, Z):
    Z = np.asarray(Z)
    flat = Z.argmin()
    return np.array([ms[flat % Z.shape[1]], cs[flat // Z.shape[1]]])

# %% solve_2x2
def solve_2x2(A, b):
    det = np.linalg.det(A)
    if np.isclose(det, 0.0, atol=1e-12 * np.abs(A).max() ** 2):
        raise ValueError("det A is zero: no unique solution")
    u = np.linalg.det(np.column_stack([b, A[:, 1]])) / det
    v = np.linalg.det(np.column_stack([A[:, 0], b])) / det
    return [u, v]
