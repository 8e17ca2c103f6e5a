"""Puts the eigenvectors in the rows of C."""
# fails: test_diagonalise_visible, test_diagonalise_hidden
# %% diagonalise
def diagonalise(A):
    values, vectors = np.linalg.eig(A)
    return vectors.T, np.diag(values)
