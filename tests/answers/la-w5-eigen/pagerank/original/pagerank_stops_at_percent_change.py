"""The original course's pageRank: percentages, stops when la.norm of the change is below 0.01."""
# fails: test_pageRank_visible, test_pageRank_hidden
# message: is not precise enough
# %% pageRank
def pageRank(linkMatrix, d):
    n = linkMatrix.shape[0]
    M = d * linkMatrix + (1 - d) / n * np.ones([n, n])
    r = 100 * np.ones(n) / n
    lastR = r
    r = M @ r
    i = 0
    while la.norm(lastR - r) > 0.01:
        lastR = r
        r = M @ r
        i += 1
    return r
