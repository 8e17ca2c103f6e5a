"""np.polyval for the line, np.meshgrid for the grid, np.where for the minimum, and
np.linalg with a rank test for the equations."""
# fails: none
# %% residuals
def residuals(m, c, x, y):
    return y - np.polyval([m, c], x)

# %% cost
def cost(m, c, x, y):
    return np.mean(np.square(residuals(m, c, x, y)))

# %% cost_surface
def cost_surface(ms, cs, x, y):
    M, C = np.meshgrid(ms, cs)
    return ((y - M[..., None] * x - C[..., None]) ** 2).mean(axis=-1)

# %% best_on_grid
def best_on_grid(ms, cs, Z):
    rows, columns = np.where(Z == Z.min())
    return ms[columns[0]], cs[rows[0]]

# %% solve_2x2
def solve_2x2(A, b):
    if np.linalg.matrix_rank(A) < 2:
        raise ValueError("the equations do not have a unique solution")
    return np.linalg.solve(A, b)
