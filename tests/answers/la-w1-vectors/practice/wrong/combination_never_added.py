"""Scales the columns but returns them side by side instead of adding them."""
# fails: test_linear_combination_visible, test_linear_combination_hidden
# %% linear_combination
def linear_combination(weights, V):
    return V * weights
