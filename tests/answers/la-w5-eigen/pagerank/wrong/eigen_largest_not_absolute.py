"""Picks the largest eigenvalue instead of the largest in absolute value."""
# fails: test_principalEigenvector_visible, test_principalEigenvector_hidden
# %% principalEigenvector
def principalEigenvector(A):
    values, vectors = np.linalg.eig(A)
    k = np.argmax(np.real(values))
    return np.real(vectors[:, k])
