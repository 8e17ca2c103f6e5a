"""Subtracts the column means (axis=0) instead of the row means."""
# fails: test_centre_rows_visible, test_centre_rows_hidden
# %% centre_rows
def centre_rows(X):
    return X - X.mean(axis=0)
