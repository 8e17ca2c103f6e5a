"""Takes a ROW of the eigenvector matrix returned by eig instead of a column."""
# fails: test_principalEigenvector_visible, test_principalEigenvector_hidden
# %% principalEigenvector
def principalEigenvector(A):
    values, vectors = np.linalg.eig(A)
    k = np.argmax(np.abs(values))
    return np.real(vectors[k])
