"""Calls a vector dependent only when its leftover is exactly zero, which rounding prevents."""
# fails: test_find_dependence_visible, test_find_dependence_hidden
# %% find_dependence
def find_dependence(V):
    for j in range(V.shape[1]):
        v = V[:, j]
        c = np.linalg.lstsq(V[:, :j], v, rcond=None)[0] if j else np.zeros(0)
        if np.all(v - V[:, :j] @ c == 0):
            return j, c
    return None
