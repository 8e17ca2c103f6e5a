"""Multiplies x by the intercept and adds the slope."""
# fails: test_residuals_visible, test_residuals_hidden
# %% residuals
def residuals(m, c, x, y):
    return y - (c * x + m)
