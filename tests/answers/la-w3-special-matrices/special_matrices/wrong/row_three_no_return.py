"""fixRowThree is right but forgets `return A`."""
# fails: test_fixRowThree_visible, test_fixRowThree_hidden
# %% fixRowThree
def fixRowThree(A):
    A[3] -= A[3, 0] * A[0]
    A[3] -= A[3, 1] * A[1]
    A[3] -= A[3, 2] * A[2]
    if A[3, 3] == 0:
        raise MatrixIsSingular()
    A[3] /= A[3, 3]
