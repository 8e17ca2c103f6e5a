"""Builds M in place inside the caller's link matrix, which is changed afterwards."""
# fails: test_pageRank_visible, test_pageRank_hidden
# %% pageRank
def pageRank(linkMatrix, d):
    n = linkMatrix.shape[0]
    M = linkMatrix
    M *= d
    M += (1 - d) / n
    r = np.ones(n) / n
    while True:
        new = M @ r
        if np.abs(new - r).sum() < 1e-10:
            return new
        r = new
