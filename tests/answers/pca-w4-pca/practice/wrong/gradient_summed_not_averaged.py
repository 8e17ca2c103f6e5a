"""error_gradient differentiates the total squared error, forgetting the 1/N of the average."""
# fails: test_error_gradient_visible, test_error_gradient_hidden
# %% error_gradient
def error_gradient(X, B, Z):
    return -2 * (X - Z @ B.T) @ B
