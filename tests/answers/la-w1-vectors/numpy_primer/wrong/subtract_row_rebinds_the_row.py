"""Takes the row as a view, then rebinds the name to a new array: nothing is written into A."""
# fails: test_subtract_row_visible, test_subtract_row_hidden
# %% subtract_row
def subtract_row(A, i, j, factor):
    row = A[i]
    row = row - factor * A[j]
    return A
