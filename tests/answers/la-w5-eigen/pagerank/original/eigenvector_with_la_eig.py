"""The original course's way to the principal eigenvector: la.eig, sorted by absolute value,
the complex column returned as it is."""
# fails: none
# %% principalEigenvector
def principalEigenvector(A):
    eVals, eVecs = la.eig(A)
    order = np.absolute(eVals).argsort()[::-1]
    eVecs = eVecs[:, order]
    return eVecs[:, 0]
