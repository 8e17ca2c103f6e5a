"""The original course's pageRank with a stop precise enough: percentages, la.norm of the change
below 1e-8."""
# fails: none
# %% pageRank
def pageRank(linkMatrix, d):
    n = linkMatrix.shape[0]
    M = d * linkMatrix + (1 - d) / n * np.ones([n, n])
    r = 100 * np.ones(n) / n
    lastR = r
    r = M @ r
    while la.norm(lastR - r) > 1e-8:
        lastR = r
        r = M @ r
    return r
