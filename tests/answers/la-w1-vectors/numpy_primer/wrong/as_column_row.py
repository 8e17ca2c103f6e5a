"""Reshapes to one row, (1, n), instead of one column."""
# fails: test_as_column_visible, test_as_column_hidden
# %% as_column
def as_column(v):
    return v.reshape(1, -1)
