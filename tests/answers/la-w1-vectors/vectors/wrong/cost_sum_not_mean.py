"""Adds the squared residuals up but never divides by n."""
# fails: test_cost_visible, test_cost_hidden
# %% cost
def cost(m, c, x, y):
    return float(np.sum((y - m * x - c) ** 2))
