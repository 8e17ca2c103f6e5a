"""fixRowTwo clears the entries left of the pivot but never divides by the pivot."""
# fails: test_fixRowTwo_visible, test_fixRowTwo_hidden, test_isSingular_hidden
# %% fixRowTwo
def fixRowTwo(A):
    A[2] -= A[2, 0] * A[0]
    A[2] -= A[2, 1] * A[1]
    if A[2, 2] == 0:
        A[2] += A[3]
        A[2] -= A[2, 0] * A[0]
        A[2] -= A[2, 1] * A[1]
    if A[2, 2] == 0:
        raise MatrixIsSingular()
    return A
