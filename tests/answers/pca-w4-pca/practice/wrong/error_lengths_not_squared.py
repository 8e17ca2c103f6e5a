"""reconstruction_error averages the lengths ||x_n - x_tilde_n|| instead of their squares."""
# fails: test_reconstruction_error_visible, test_reconstruction_error_hidden
# %% reconstruction_error
def reconstruction_error(X, X_tilde):
    return float(np.mean(np.linalg.norm(X - X_tilde, axis=1)))
