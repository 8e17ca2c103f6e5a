"""Stops after a fixed 100 steps: fine for fast webs, wrong when the iteration converges slowly."""
# fails: test_pageRank_visible, test_pageRank_hidden
# %% pageRank
def pageRank(linkMatrix, d):
    n = linkMatrix.shape[0]
    M = d * linkMatrix + (1 - d) / n * np.ones((n, n))
    r = np.ones(n) / n
    for _ in range(100):
        r = M @ r
    return r
