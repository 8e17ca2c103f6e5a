"""Raises the whole matrix D to the power entry by entry: for n = 0 the zeros become ones."""
# fails: test_power_via_eigenbasis_visible
# %% power_via_eigenbasis
def power_via_eigenbasis(A, n):
    values, C = np.linalg.eig(A)
    return np.real(C @ np.diag(values) ** n @ np.linalg.inv(C))
