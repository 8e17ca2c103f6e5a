"""Power iteration on the link matrix itself: d is never used (the eigenvector of L, not M)."""
# fails: test_pageRank_visible, test_pageRank_hidden
# %% pageRank
def pageRank(linkMatrix, d):
    n = linkMatrix.shape[0]
    r = np.ones(n) / n
    for _ in range(5000):
        new = linkMatrix @ r
        if np.linalg.norm(new - r) < 1e-10:
            break
        r = new
    return new
