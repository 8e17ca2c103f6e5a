"""Both fixers test pivots against a small tolerance instead of exact zero."""
# fails: none
# %% fixRowTwo
def fixRowTwo(A):
    A[2] = A[2] - A[2, 0] * A[0]
    A[2] = A[2] - A[2, 1] * A[1]
    if abs(A[2, 2]) < 1e-12:
        A[2] = A[2] + A[3]
        A[2] = A[2] - A[2, 0] * A[0]
        A[2] = A[2] - A[2, 1] * A[1]
    if abs(A[2, 2]) < 1e-12:
        raise MatrixIsSingular()
    A[2] = A[2] / A[2, 2]
    return A
# %% fixRowThree
def fixRowThree(A):
    for j in range(3):
        A[3] = A[3] - A[3, j] * A[j]
    if np.isclose(A[3, 3], 0.0, atol=1e-12):
        raise MatrixIsSingular()
    A[3] = A[3] / A[3, 3]
    return A
