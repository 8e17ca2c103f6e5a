"""2x2 minors of [v, A v] with a tolerance; the formulas written out with loops; eigenvectors
rescaled and in reverse order; solve instead of an inverse."""
# fails: none
# %% is_eigenvector
def is_eigenvector(A, v):
    w = A @ v
    scale = (np.linalg.norm(w) + np.linalg.norm(v)) ** 2
    for i in range(len(v)):
        for j in range(i + 1, len(v)):
            if abs(w[i] * v[j] - w[j] * v[i]) > 1e-10 * scale:
                return False
    return True

# %% characteristic_polynomial
def det2(M):
    return M[0][0] * M[1][1] - M[0][1] * M[1][0]

def characteristic_polynomial(A):
    n = len(A)
    trace = sum(A[i][i] for i in range(n))
    if n == 2:
        return [1, -trace, det2(A)]
    minors = 0.0
    for i in range(3):
        keep = [k for k in range(3) if k != i]
        minors += det2([[A[r][c] for c in keep] for r in keep])
    det = sum((-1) ** j * A[0][j] * det2([[A[r][c] for c in range(3) if c != j] for r in (1, 2)])
              for j in range(3))
    return [1, -trace, minors, -det]

# %% diagonalise
def diagonalise(A):
    values, vectors = np.linalg.eig(A)
    vectors = vectors / vectors[np.argmax(np.abs(vectors), axis=0), range(len(A))]
    return vectors[:, ::-1] * 3.0, np.diag(values[::-1])

# %% power_via_eigenbasis
def power_via_eigenbasis(A, n):
    values, C = np.linalg.eig(A)
    return np.linalg.solve(C.T, (C @ np.diag(values ** n)).T).T
