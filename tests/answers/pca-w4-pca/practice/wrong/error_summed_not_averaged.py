"""reconstruction_error adds the squared errors of all points without dividing by N."""
# fails: test_reconstruction_error_visible, test_reconstruction_error_hidden
# %% reconstruction_error
def reconstruction_error(X, X_tilde):
    return float(np.sum((X - X_tilde) ** 2))
