"""Changes row j instead of row i."""
# fails: test_subtract_row_visible, test_subtract_row_hidden
# %% subtract_row
def subtract_row(A, i, j, factor):
    A[j] -= factor * A[i]
    return A
