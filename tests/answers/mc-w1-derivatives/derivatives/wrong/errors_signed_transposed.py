"""difference_errors returns the signed errors, one row per method (shape (3, k))."""
# fails: test_difference_errors_visible, test_difference_errors_hidden
# %% difference_errors
def difference_errors(f, df, x, steps):
    steps = np.asarray(steps, dtype=float)
    return np.array([forward_difference(f, x, steps) - df(x),
                     backward_difference(f, x, steps) - df(x),
                     central_difference(f, x, steps) - df(x)])
