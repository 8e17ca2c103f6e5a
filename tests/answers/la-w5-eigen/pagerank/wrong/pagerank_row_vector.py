"""Multiplies a row vector from the left (r @ M), i.e. uses the transpose of M."""
# fails: test_pageRank_visible, test_pageRank_hidden
# %% pageRank
def pageRank(linkMatrix, d):
    n = linkMatrix.shape[0]
    M = d * linkMatrix + (1 - d) / n * np.ones((n, n))
    r = np.ones(n) / n
    for _ in range(5000):
        new = r @ M
        new = new / new.sum()
        if np.abs(new - r).max() < 1e-12:
            break
        r = new
    return new
