"""One row per slope and one column per intercept: the transpose of the convention."""
# fails: test_cost_surface_visible, test_cost_surface_hidden
# %% cost_surface
def cost_surface(ms, cs, x, y):
    return np.array([[np.mean((y - m * x - c) ** 2) for c in cs] for m in ms])
