"""Whole link matrix typed out; principal eigenvector negated and left complex; pageRank from
eig of M instead of power iteration, scaled to percentages (sum 100)."""
# fails: none
# %% buildLinkMatrix
def buildLinkMatrix():
    return np.array([
        [0, 1/2, 0, 1/4, 0, 0],
        [1/3, 0, 1/3, 1/4, 0, 0],
        [0, 1/2, 0, 1/4, 0, 1],
        [1/3, 0, 1/3, 0, 1/2, 0],
        [1/3, 0, 0, 1/4, 0, 0],
        [0, 0, 1/3, 0, 1/2, 0],
    ])
# %% principalEigenvector
def principalEigenvector(A):
    values, vectors = np.linalg.eig(A)
    return -vectors[:, np.argmax(abs(values))]
# %% pageRank
def pageRank(linkMatrix, d):
    n = len(linkMatrix)
    M = d * linkMatrix + (1 - d) / n
    values, vectors = np.linalg.eig(M)
    r = np.real(vectors[:, np.argmax(np.abs(values))])
    return 100 * r / r.sum()
