"""Loops over the entries."""
# fails: none
# %% as_column
def as_column(v):
    return np.array([[entry] for entry in v])

# %% subtract_row
def subtract_row(A, i, j, factor):
    for k in range(A.shape[1]):
        A[i, k] = A[i, k] - factor * A[j, k]
    return A

# %% centre_rows
def centre_rows(X):
    out = np.zeros(X.shape)
    for r in range(X.shape[0]):
        mean = sum(X[r]) / X.shape[1]
        for k in range(X.shape[1]):
            out[r, k] = X[r, k] - mean
    return out
