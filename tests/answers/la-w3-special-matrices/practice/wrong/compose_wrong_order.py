"""Multiplies the matrices in reading order, first @ second: applies `second` first."""
# fails: test_compose_visible, test_compose_hidden
# %% compose
def compose(first, second):
    return first @ second
