"""fixRowTwo works on a copy and returns it, leaving the caller's matrix unchanged."""
# fails: test_fixRowTwo_visible, test_fixRowTwo_hidden, test_isSingular_hidden
# %% fixRowTwo
def fixRowTwo(A):
    A = A.copy()
    A[2] -= A[2, 0] * A[0]
    A[2] -= A[2, 1] * A[1]
    if A[2, 2] == 0:
        A[2] += A[3]
        A[2] -= A[2, 0] * A[0]
        A[2] -= A[2, 1] * A[1]
    if A[2, 2] == 0:
        raise MatrixIsSingular()
    A[2] /= A[2, 2]
    return A
