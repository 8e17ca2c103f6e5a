"""Compares each vector with all the others, not only the earlier ones: reports v_0 first."""
# fails: test_find_dependence_visible, test_find_dependence_hidden
# %% find_dependence
def find_dependence(V):
    for j in range(V.shape[1]):
        others = np.delete(V, j, axis=1)
        v = V[:, j]
        c = np.linalg.lstsq(others, v, rcond=None)[0]
        if np.linalg.norm(v - others @ c) <= 1e-9 * np.linalg.norm(v):
            return j, c
    return None
