"""chi_squared divides the squared residuals by sigma instead of sigma squared."""
# fails: test_chi_squared_visible, test_chi_squared_hidden
# %% chi_squared
def chi_squared(x, y, m, c, sigma=1.0):
    return float(np.sum((y - (m * x + c)) ** 2 / sigma))
