"""D's links are written into row 3 instead of column 3 (the "from" and "to" roles swapped)."""
# fails: test_buildLinkMatrix_visible, test_buildLinkMatrix_hidden
# %% buildLinkMatrix
def buildLinkMatrix():
    L = L_given.copy()
    L[3, :] = [1/4, 1/4, 1/4, 0, 1/4, 0]
    return L
