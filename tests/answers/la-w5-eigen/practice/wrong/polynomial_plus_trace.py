"""Adds the trace term instead of subtracting it."""
# fails: test_characteristic_polynomial_visible, test_characteristic_polynomial_hidden
# %% characteristic_polynomial
def characteristic_polynomial(A):
    coefficients = np.poly(A)
    coefficients[1] = np.trace(A)
    return coefficients
