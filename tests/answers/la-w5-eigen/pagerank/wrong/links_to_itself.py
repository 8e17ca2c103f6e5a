"""Site D's column also links D to itself: five entries of 1/5 (the column still sums to 1)."""
# fails: test_buildLinkMatrix_visible, test_buildLinkMatrix_hidden
# %% buildLinkMatrix
def buildLinkMatrix():
    L = L_given.copy()
    L[:, 3] = [1/5, 1/5, 1/5, 1/5, 1/5, 0]
    return L
