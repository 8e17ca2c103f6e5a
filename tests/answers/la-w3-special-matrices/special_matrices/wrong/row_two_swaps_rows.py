"""fixRowTwo swaps rows 2 and 3 instead of adding row 3, which changes row 3 too."""
# fails: test_fixRowTwo_visible, test_fixRowTwo_hidden
# %% fixRowTwo
def fixRowTwo(A):
    A[2] -= A[2, 0] * A[0]
    A[2] -= A[2, 1] * A[1]
    if A[2, 2] == 0:
        A[[2, 3]] = A[[3, 2]]
        A[2] -= A[2, 0] * A[0]
        A[2] -= A[2, 1] * A[1]
    if A[2, 2] == 0:
        raise MatrixIsSingular()
    A[2] /= A[2, 2]
    return A
