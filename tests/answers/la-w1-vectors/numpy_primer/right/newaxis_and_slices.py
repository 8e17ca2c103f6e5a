"""np.newaxis, full row slices, and a mean vector turned into a column."""
# fails: none
# %% as_column
def as_column(v):
    return v[:, np.newaxis]

# %% subtract_row
def subtract_row(A, i, j, factor):
    A[i, :] = A[i, :] - factor * A[j, :]
    return A

# %% centre_rows
def centre_rows(X):
    return X - X.mean(axis=1)[:, None]
