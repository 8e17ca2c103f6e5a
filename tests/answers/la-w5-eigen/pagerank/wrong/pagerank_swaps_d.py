"""Uses d for the random jump and 1 - d for the links: M = (1 - d) L + d/n J."""
# fails: test_pageRank_visible, test_pageRank_hidden
# %% pageRank
def pageRank(linkMatrix, d):
    n = linkMatrix.shape[0]
    M = (1 - d) * linkMatrix + d / n * np.ones((n, n))
    r = np.ones(n) / n
    while True:
        new = M @ r
        if np.abs(new - r).sum() < 1e-10:
            return new
        r = new
