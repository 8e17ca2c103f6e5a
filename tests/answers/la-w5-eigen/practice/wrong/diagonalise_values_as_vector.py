"""Returns the eigenvalues as a 1-D array instead of the diagonal matrix D."""
# fails: test_diagonalise_visible, test_diagonalise_hidden
# %% diagonalise
def diagonalise(A):
    values, vectors = np.linalg.eig(A)
    return vectors, values
