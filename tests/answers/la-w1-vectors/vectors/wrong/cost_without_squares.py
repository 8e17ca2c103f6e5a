"""Averages the residuals themselves, so positive and negative ones cancel."""
# fails: test_cost_visible, test_cost_hidden
# %% cost
def cost(m, c, x, y):
    return float(np.mean(y - m * x - c))
