"""Multiplies with the weights on the left, weights @ V, which combines the rows of V."""
# fails: test_linear_combination_visible, test_linear_combination_hidden
# %% linear_combination
def linear_combination(weights, V):
    return weights @ V
