"""Tests det V != 0 exactly: rounding makes dependent sets look independent, and a non-square V
raises an error."""
# fails: test_is_basis_visible, test_is_basis_hidden
# %% is_basis
def is_basis(V):
    return bool(np.linalg.det(V) != 0)
