"""Divides each total by the number of items in its basket: an average price per basket."""
# fails: test_prices_visible, test_prices_hidden
# %% prices
def prices(baskets, totals):
    return totals / baskets.sum(axis=1)
