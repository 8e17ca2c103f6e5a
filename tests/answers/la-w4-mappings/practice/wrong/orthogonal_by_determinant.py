"""Tests det A = +-1, which a shear passes too."""
# fails: test_is_orthogonal_visible, test_is_orthogonal_hidden
# %% is_orthogonal
def is_orthogonal(A):
    return bool(abs(abs(np.linalg.det(A)) - 1) < 1e-9)
