"""fit_line divides np.cov (normalised by n - 1) by np.var (normalised by n): the slope is too
large by n / (n - 1)."""
# fails: test_fit_line_visible, test_fit_line_hidden
# %% fit_line
def fit_line(x, y):
    m = np.cov(x, y)[0, 1] / np.var(x)
    return np.array([m, np.mean(y) - m * np.mean(x)])
