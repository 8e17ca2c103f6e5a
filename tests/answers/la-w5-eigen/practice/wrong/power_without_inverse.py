"""Forgets the inverse: C D^n C."""
# fails: test_power_via_eigenbasis_visible, test_power_via_eigenbasis_hidden
# %% power_via_eigenbasis
def power_via_eigenbasis(A, n):
    values, C = np.linalg.eig(A)
    return np.real(C @ np.diag(values ** n) @ C)
