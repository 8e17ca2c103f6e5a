"""Adds the columns up but forgets to scale them by their weights."""
# fails: test_linear_combination_visible, test_linear_combination_hidden
# %% linear_combination
def linear_combination(weights, V):
    return V.sum(axis=1)
