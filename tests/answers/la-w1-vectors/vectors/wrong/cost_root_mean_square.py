"""Takes the square root of the mean squared residual (the RMS error)."""
# fails: test_cost_visible, test_cost_hidden
# %% cost
def cost(m, c, x, y):
    return float(np.sqrt(np.mean((y - m * x - c) ** 2)))
