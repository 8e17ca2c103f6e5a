"""backward_difference computes (f(x - h) - f(x)) / h, the slope with the wrong sign."""
# fails: test_backward_difference_visible, test_backward_difference_hidden, test_difference_errors_visible, test_difference_errors_hidden
# %% backward_difference
def backward_difference(f, x, h):
    return (f(x - h) - f(x)) / h
