"""Checks that the columns are perpendicular but not that they have length 1."""
# fails: test_is_orthogonal_visible, test_is_orthogonal_hidden
# %% is_orthogonal
def is_orthogonal(A):
    G = A.T @ A
    return bool(np.all(np.abs(G - np.diag(np.diag(G))) <= 1e-9))
