"""Plain loops everywhere: the principal eigenvector by its own power iteration (sign-aligned),
pageRank in percentages with the damping applied entry by entry and a norm-based stop."""
# fails: none
# %% buildLinkMatrix
def buildLinkMatrix():
    L = L_given.copy()
    for i in [0, 1, 2, 4]:
        L[i, 3] = 0.25
    return L
# %% principalEigenvector
def principalEigenvector(A):
    n = A.shape[0]
    v = np.ones(n) / np.sqrt(n)
    for _ in range(100000):
        w = A @ v
        w = w / np.linalg.norm(w)
        if w @ v < 0:
            w = -w
        if np.linalg.norm(w - v) < 1e-13:
            break
        v = w
    return w
# %% pageRank
def pageRank(linkMatrix, d):
    n = linkMatrix.shape[0]
    M = np.zeros((n, n))
    for i in range(n):
        for j in range(n):
            M[i, j] = d * linkMatrix[i, j] + (1 - d) / n
    r = 100 * np.ones(n) / n
    lastR = r
    r = M @ r
    while np.linalg.norm(lastR - r) > 1e-8:
        lastR = r
        r = M @ r
    return r
