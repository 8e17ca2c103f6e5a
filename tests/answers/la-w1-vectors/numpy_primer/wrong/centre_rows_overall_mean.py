"""Subtracts the mean of the whole matrix from every entry."""
# fails: test_centre_rows_visible, test_centre_rows_hidden
# %% centre_rows
def centre_rows(X):
    return X - X.mean()
