"""fit_line takes the intercept to be the mean of y, forgetting the slope times the mean of x."""
# fails: test_fit_line_visible, test_fit_line_hidden
# %% fit_line
def fit_line(x, y):
    dx = x - x.mean()
    m = dx @ (y - y.mean()) / (dx @ dx)
    return np.array([m, y.mean()])
