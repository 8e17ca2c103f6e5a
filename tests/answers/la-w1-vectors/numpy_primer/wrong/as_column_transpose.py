"""Transposes the one-axis vector, which leaves it a (n,) vector."""
# fails: test_as_column_visible, test_as_column_hidden
# %% as_column
def as_column(v):
    return v.T
