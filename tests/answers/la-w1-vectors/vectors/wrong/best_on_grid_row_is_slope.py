"""Reads the row index as the slope's and the column index as the intercept's."""
# fails: test_best_on_grid_visible, test_best_on_grid_hidden
# %% best_on_grid
def best_on_grid(ms, cs, Z):
    i, j = np.unravel_index(np.argmin(Z), Z.shape)
    return float(ms[i % len(ms)]), float(cs[j % len(cs)])
