"""Raises every entry of A to the n-th power."""
# fails: test_power_via_eigenbasis_visible, test_power_via_eigenbasis_hidden
# %% power_via_eigenbasis
def power_via_eigenbasis(A, n):
    return A ** n
