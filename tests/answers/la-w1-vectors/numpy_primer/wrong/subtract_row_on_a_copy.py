"""Works on a copy of A and returns it: the caller's A never changes."""
# fails: test_subtract_row_visible, test_subtract_row_hidden
# %% subtract_row
def subtract_row(A, i, j, factor):
    A = A.copy()
    A[i] -= factor * A[j]
    return A
