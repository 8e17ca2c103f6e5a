"""Returns the eigenvalues (the roots) instead of the coefficients."""
# fails: test_characteristic_polynomial_visible, test_characteristic_polynomial_hidden
# %% characteristic_polynomial
def characteristic_polynomial(A):
    return np.real_if_close(np.linalg.eigvals(A))
