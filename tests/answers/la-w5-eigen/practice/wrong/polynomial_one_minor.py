"""Uses only the top-left 2x2 minor for the lambda term of a 3x3."""
# fails: test_characteristic_polynomial_visible, test_characteristic_polynomial_hidden
# %% characteristic_polynomial
def characteristic_polynomial(A):
    trace, det = np.trace(A), np.linalg.det(A)
    if len(A) == 2:
        return np.array([1.0, -trace, det])
    return np.array([1.0, -trace, np.linalg.det(A[:2, :2]), -det])
