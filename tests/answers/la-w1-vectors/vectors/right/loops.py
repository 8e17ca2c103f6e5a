"""Plain loops over the entries; elimination with a row swap and a tolerance for the 2x2."""
# fails: none
# %% residuals
def residuals(m, c, x, y):
    r = np.zeros(len(x))
    for i in range(len(x)):
        r[i] = y[i] - (m * x[i] + c)
    return r

# %% cost
def cost(m, c, x, y):
    total = 0.0
    for xi, yi in zip(x, y, strict=True):
        total += (yi - m * xi - c) ** 2
    return total / len(x)

# %% cost_surface
def cost_surface(ms, cs, x, y):
    Z = np.empty((len(cs), len(ms)))
    for i, c in enumerate(cs):
        for j, m in enumerate(ms):
            Z[i, j] = cost(m, c, x, y)
    return Z

# %% best_on_grid
def best_on_grid(ms, cs, Z):
    best = (0, 0)
    for i in range(Z.shape[0]):
        for j in range(Z.shape[1]):
            if Z[i, j] < Z[best]:
                best = (i, j)
    return ms[best[1]], cs[best[0]]

# %% solve_2x2
def solve_2x2(A, b):
    rows = [list(A[0]) + [b[0]], list(A[1]) + [b[1]]]
    if abs(rows[0][0]) < abs(rows[1][0]):
        rows.reverse()
    if rows[0][0] == 0:
        raise ValueError("no unique solution")
    factor = rows[1][0] / rows[0][0]
    rows[1] = [a - factor * p for a, p in zip(rows[1], rows[0], strict=True)]
    if abs(rows[1][1]) < 1e-12:
        raise ValueError("no unique solution")
    v = rows[1][2] / rows[1][1]
    u = (rows[0][2] - rows[0][1] * v) / rows[0][0]
    return np.array([u, v])
