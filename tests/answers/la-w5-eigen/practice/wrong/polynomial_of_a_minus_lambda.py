"""Expands det(A - lambda I): for a 3x3 every coefficient has the wrong sign."""
# fails: test_characteristic_polynomial_visible, test_characteristic_polynomial_hidden
# %% characteristic_polynomial
def characteristic_polynomial(A):
    return (-1) ** len(A) * np.poly(A)
