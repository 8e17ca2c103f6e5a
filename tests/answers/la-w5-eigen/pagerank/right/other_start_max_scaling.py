"""Column filled by a loop over D's targets; eigenpairs sorted by scipy; pageRank starts from a
non-uniform positive vector and scales by the largest entry instead of the sum."""
# fails: none
# %% buildLinkMatrix
def buildLinkMatrix():
    L = L_given.copy()
    targets = ["A", "B", "C", "E"]
    for site in targets:
        L[sites.index(site), 3] = 1 / len(targets)
    return L
# %% principalEigenvector
import scipy.linalg


def principalEigenvector(A):
    values, vectors = scipy.linalg.eig(A)
    order = np.argsort(-np.abs(values))
    return vectors[:, order[0]].real
# %% pageRank
def pageRank(linkMatrix, d):
    n = linkMatrix.shape[0]
    M = d * linkMatrix + (1 - d) / n * np.ones((n, n))
    r = np.arange(1.0, n + 1)
    while True:
        new = M @ r
        new = new / new.max()
        if np.max(np.abs(new - r)) < 1e-12:
            return new
        r = new
