"""fixRowThree divides by a zero pivot instead of raising MatrixIsSingular."""
# fails: test_fixRowThree_visible, test_fixRowThree_hidden, test_isSingular_hidden
# %% fixRowThree
def fixRowThree(A):
    A[3] -= A[3, 0] * A[0]
    A[3] -= A[3, 1] * A[1]
    A[3] -= A[3, 2] * A[2]
    A[3] /= A[3, 3]
    return A
