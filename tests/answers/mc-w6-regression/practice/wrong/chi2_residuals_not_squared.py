"""chi_squared adds the residuals divided by sigma without squaring them."""
# fails: test_chi_squared_visible, test_chi_squared_hidden
# %% chi_squared
def chi_squared(x, y, m, c, sigma=1.0):
    return float(np.sum((y - (m * x + c)) / sigma))
