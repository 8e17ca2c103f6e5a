"""NumPy 1 habit: reads the pivot with float() of a one-entry slice, which NumPy 2 refuses."""
# fails: test_fixRowTwo_visible, test_fixRowTwo_hidden, test_isSingular_hidden
# message: x.item()
# %% fixRowTwo
def fixRowTwo(A):
    A[2] -= A[2, 0] * A[0]
    A[2] -= A[2, 1] * A[1]
    if float(A[2:3, 2]) == 0:
        A[2] += A[3]
        A[2] -= A[2, 0] * A[0]
        A[2] -= A[2, 1] * A[1]
    if A[2, 2] == 0:
        raise MatrixIsSingular()
    A[2] /= A[2, 2]
    return A
