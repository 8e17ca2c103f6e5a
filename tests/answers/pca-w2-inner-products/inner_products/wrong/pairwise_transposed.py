"""pairwise_distance_matrix broadcasts the other way round and returns the (M, N) transpose."""
# fails: test_pairwise_distance_matrix_visible, test_pairwise_distance_matrix_hidden
# %% pairwise_distance_matrix
def pairwise_distance_matrix(X, Y):
    return np.sqrt(np.sum((Y[:, None, :] - X[None, :, :]) ** 2, axis=2))
