"""Solves with the transpose: takes the columns as the baskets."""
# fails: test_prices_visible, test_prices_hidden
# %% prices
def prices(baskets, totals):
    return np.linalg.solve(baskets.T, totals)
