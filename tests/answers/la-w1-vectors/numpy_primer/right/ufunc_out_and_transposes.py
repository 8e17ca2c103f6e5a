"""np.atleast_2d and a transpose; np.subtract with out=; centring the columns of the transpose."""
# fails: none
# %% as_column
def as_column(v):
    return np.atleast_2d(v).T

# %% subtract_row
def subtract_row(A, i, j, factor):
    np.subtract(A[i], factor * A[j], out=A[i])
    return A

# %% centre_rows
def centre_rows(X):
    T = X.T
    return (T - T.mean(axis=0)).T
