"""Does the row operations to A but not to b."""
# fails: test_solve_by_elimination_visible, test_solve_by_elimination_hidden
# %% solve_by_elimination
def solve_by_elimination(A, b):
    A = np.array(A, dtype=float)
    n = len(b)
    for k in range(n):
        pivot = k + np.argmax(np.abs(A[k:, k]))
        A[[k, pivot]] = A[[pivot, k]]
        for i in range(k + 1, n):
            A[i] -= A[i, k] / A[k, k] * A[k]
    return back_substitute(A, np.asarray(b, dtype=float))
