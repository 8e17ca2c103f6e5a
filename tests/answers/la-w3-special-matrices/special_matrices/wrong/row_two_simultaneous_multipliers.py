"""fixRowTwo reads both multipliers before subtracting, so clearing A[2, 0] spoils A[2, 1]."""
# fails: test_fixRowTwo_visible, test_fixRowTwo_hidden
# %% fixRowTwo
def fixRowTwo(A):
    a, b = A[2, 0], A[2, 1]
    A[2] -= a * A[0] + b * A[1]
    if A[2, 2] == 0:
        A[2] += A[3]
        a, b = A[2, 0], A[2, 1]
        A[2] -= a * A[0] + b * A[1]
    if A[2, 2] == 0:
        raise MatrixIsSingular()
    A[2] /= A[2, 2]
    return A
