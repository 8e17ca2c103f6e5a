"""Site D's column has a 1 for each link instead of 1/k: the column sums to 4."""
# fails: test_buildLinkMatrix_visible, test_buildLinkMatrix_hidden
# %% buildLinkMatrix
def buildLinkMatrix():
    L = L_given.copy()
    L[:, 3] = [1, 1, 1, 0, 1, 0]
    return L
