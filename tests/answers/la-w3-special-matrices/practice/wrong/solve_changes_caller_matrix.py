"""Eliminates in the caller's own array A, which is left changed."""
# fails: test_solve_by_elimination_visible
# %% solve_by_elimination
def solve_by_elimination(A, b):
    b = np.array(b, dtype=float)
    n = len(b)
    for k in range(n):
        pivot = k + np.argmax(np.abs(A[k:, k]))
        A[[k, pivot]] = A[[pivot, k]]
        b[[k, pivot]] = b[[pivot, k]]
        for i in range(k + 1, n):
            factor = A[i, k] / A[k, k]
            A[i] -= factor * A[k]
            b[i] -= factor * b[k]
    return back_substitute(A, b)
