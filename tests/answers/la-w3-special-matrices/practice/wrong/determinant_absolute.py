"""Returns the size of the determinant and drops its sign."""
# fails: test_determinant_visible, test_determinant_hidden
# %% determinant
def determinant(A):
    return abs(float(np.linalg.det(A)))
