"""error_gradient drops the minus sign of the inner derivative: (2/N) (x_n - x_tilde_n)^T b_i,
which points downhill."""
# fails: test_error_gradient_visible, test_error_gradient_hidden
# %% error_gradient
def error_gradient(X, B, Z):
    return 2 / X.shape[0] * (X - Z @ B.T) @ B
