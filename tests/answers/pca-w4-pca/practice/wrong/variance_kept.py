"""variance_left_out returns the variance kept, tr(B^T S B), not the variance left out."""
# fails: test_variance_left_out_visible, test_variance_left_out_hidden
# %% variance_left_out
def variance_left_out(S, B):
    return float(np.trace(B.T @ S @ B))
