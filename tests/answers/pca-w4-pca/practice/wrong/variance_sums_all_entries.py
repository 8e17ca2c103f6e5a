"""variance_left_out uses np.sum of the matrices (all entries, covariances included) instead of
their traces."""
# fails: test_variance_left_out_visible, test_variance_left_out_hidden
# %% variance_left_out
def variance_left_out(S, B):
    return float(np.sum(S) - np.sum(B.T @ S @ B))
