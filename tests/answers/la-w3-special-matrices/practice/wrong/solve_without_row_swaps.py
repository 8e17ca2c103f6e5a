"""Eliminates without ever swapping rows, so a zero pivot gives nan."""
# fails: test_solve_by_elimination_visible, test_solve_by_elimination_hidden
# %% solve_by_elimination
def solve_by_elimination(A, b):
    A = np.array(A, dtype=float)
    b = np.array(b, dtype=float)
    n = len(b)
    with np.errstate(all="ignore"):
        for k in range(n):
            for i in range(k + 1, n):
                factor = A[i, k] / A[k, k]
                A[i] -= factor * A[k]
                b[i] -= factor * b[k]
        return back_substitute(A, b)
