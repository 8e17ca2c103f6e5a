"""Row operations written entry by entry with plain Python loops."""
# fails: none
# %% fixRowTwo
def fixRowTwo(A):
    def clear():
        for j in range(2):
            factor = A[2, j]
            for col in range(4):
                A[2, col] = A[2, col] - factor * A[j, col]

    clear()
    if A[2, 2] == 0:
        for col in range(4):
            A[2, col] = A[2, col] + A[3, col]
        clear()
    if A[2, 2] == 0:
        raise MatrixIsSingular()
    pivot = A[2, 2]
    for col in range(4):
        A[2, col] = A[2, col] / pivot
    return A
# %% fixRowThree
def fixRowThree(A):
    for j in range(3):
        factor = A[3, j]
        for col in range(4):
            A[3, col] = A[3, col] - factor * A[j, col]
    pivot = A[3, 3]
    if pivot == 0:
        raise MatrixIsSingular()
    for col in range(4):
        A[3, col] = A[3, col] / pivot
    return A
