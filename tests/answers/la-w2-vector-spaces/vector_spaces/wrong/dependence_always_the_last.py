"""Decides with the rank, then always blames the last vector."""
# fails: test_find_dependence_visible, test_find_dependence_hidden
# %% find_dependence
def find_dependence(V):
    k = V.shape[1]
    if np.linalg.matrix_rank(V) == k:
        return None
    c = np.linalg.lstsq(V[:, :k - 1], V[:, k - 1], rcond=None)[0]
    return k - 1, c
