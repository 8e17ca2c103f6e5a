"""Damping term (1 - d) J without the 1/n, then rescales to sum 1 at every step."""
# fails: test_pageRank_visible, test_pageRank_hidden
# %% pageRank
def pageRank(linkMatrix, d):
    n = linkMatrix.shape[0]
    M = d * linkMatrix + (1 - d) * np.ones((n, n))
    r = np.ones(n) / n
    while True:
        new = M @ r
        new = new / new.sum()
        if np.abs(new - r).sum() < 1e-10:
            return new
        r = new
