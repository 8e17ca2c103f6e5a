"""Uses the formula without checking the determinant: parallel lines give inf or nan."""
# fails: test_solve_2x2_visible, test_solve_2x2_hidden
# %% solve_2x2
def solve_2x2(A, b):
    with np.errstate(all="ignore"):
        det = A[0, 0] * A[1, 1] - A[0, 1] * A[1, 0]
        return np.array([b[0] * A[1, 1] - A[0, 1] * b[1], A[0, 0] * b[1] - A[1, 0] * b[0]]) / det
