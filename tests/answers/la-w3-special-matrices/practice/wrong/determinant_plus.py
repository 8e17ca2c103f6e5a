"""Adds the cross terms: ad + bc for a 2x2, and no alternating signs in the expansion."""
# fails: test_determinant_visible, test_determinant_hidden
# %% determinant
def determinant(A):
    A = np.asarray(A, dtype=float)
    if len(A) == 1:
        return float(A[0, 0])
    return float(sum(A[0, j] * determinant(np.delete(A[1:], j, axis=1)) for j in range(len(A))))
