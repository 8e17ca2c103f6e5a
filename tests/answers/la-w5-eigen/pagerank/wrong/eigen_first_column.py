"""Assumes eig sorts the eigenvalues and returns the first eigenvector."""
# fails: test_principalEigenvector_visible, test_principalEigenvector_hidden
# %% principalEigenvector
def principalEigenvector(A):
    values, vectors = np.linalg.eig(A)
    return np.real(vectors[:, 0])
