"""Subtracts the data from the prediction: every residual has the wrong sign."""
# fails: test_residuals_visible, test_residuals_hidden
# %% residuals
def residuals(m, c, x, y):
    return m * x + c - y
