"""central_difference divides by h instead of the run 2h (twice the slope)."""
# fails: test_central_difference_visible, test_central_difference_hidden, test_difference_errors_visible, test_difference_errors_hidden
# %% central_difference
def central_difference(f, x, h):
    return (f(x + h) - f(x - h)) / h
