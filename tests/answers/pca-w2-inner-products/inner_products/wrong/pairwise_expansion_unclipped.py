"""pairwise_distance_matrix uses ||x||^2 + ||y||^2 - 2 x.y without clipping at zero: for nearly
equal points the rounded value is negative and its square root is nan."""
# fails: test_pairwise_distance_matrix_visible, test_pairwise_distance_matrix_hidden
# %% pairwise_distance_matrix
def pairwise_distance_matrix(X, Y):
    squared = np.sum(X ** 2, axis=1)[:, None] + np.sum(Y ** 2, axis=1)[None, :] - 2 * X @ Y.T
    return np.sqrt(squared)
