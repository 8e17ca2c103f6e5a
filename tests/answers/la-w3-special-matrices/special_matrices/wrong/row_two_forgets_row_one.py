"""fixRowTwo clears A[2, 0] with row 0 but forgets to clear A[2, 1] with row 1."""
# fails: test_fixRowTwo_visible, test_fixRowTwo_hidden
# %% fixRowTwo
def fixRowTwo(A):
    A[2] -= A[2, 0] * A[0]
    if A[2, 2] == 0:
        A[2] += A[3]
        A[2] -= A[2, 0] * A[0]
    if A[2, 2] == 0:
        raise MatrixIsSingular()
    A[2] /= A[2, 2]
    return A
