"""Sorts the eigenvalues but not the eigenvectors, so they no longer match."""
# fails: test_diagonalise_visible, test_diagonalise_hidden
# %% diagonalise
def diagonalise(A):
    values, vectors = np.linalg.eig(A)
    return vectors, np.diag(np.sort(values))
