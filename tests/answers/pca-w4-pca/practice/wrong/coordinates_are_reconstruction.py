"""optimal_coordinates returns the projected points X B B^T (shape (N, D)) instead of their
coordinates."""
# fails: test_optimal_coordinates_visible, test_optimal_coordinates_hidden
# %% optimal_coordinates
def optimal_coordinates(X, B):
    return X @ B @ B.T
