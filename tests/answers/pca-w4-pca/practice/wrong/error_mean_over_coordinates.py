"""reconstruction_error takes the mean over every entry (N D of them), dividing by D too."""
# fails: test_reconstruction_error_visible, test_reconstruction_error_hidden
# %% reconstruction_error
def reconstruction_error(X, X_tilde):
    return float(np.mean((X - X_tilde) ** 2))
