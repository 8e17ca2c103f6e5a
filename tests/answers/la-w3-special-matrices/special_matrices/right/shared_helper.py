"""One general helper does the work for any row; slices instead of whole-row indexing."""
# fails: none
# %% fixRowTwo
def fix_row(A, k):
    """Clear row k left of the diagonal, borrowing rows below while the pivot is zero."""
    def clear():
        for j in range(k):
            A[k, :] = A[k, :] - A[k, j] * A[j, :]

    clear()
    for below in range(k + 1, A.shape[0]):
        if A[k, k] != 0:
            break
        A[k, :] = A[k, :] + A[below, :]
        clear()
    if A[k, k] == 0:
        raise MatrixIsSingular()
    A[k, :] = A[k, :] / A[k, k]
    return A


def fixRowTwo(A):
    return fix_row(A, 2)
# %% fixRowThree
def fixRowThree(A):
    return fix_row(A, 3)
