"""forward_difference returns the rise f(x + h) - f(x) without dividing by the run h."""
# fails: test_forward_difference_visible, test_forward_difference_hidden, test_difference_errors_visible, test_difference_errors_hidden
# %% forward_difference
def forward_difference(f, x, h):
    return f(x + h) - f(x)
