"""gsBasis leaves out the dependent columns instead of keeping a column of zeros."""
# fails: test_gsBasis_visible, test_gsBasis_hidden
# %% gsBasis
def gsBasis(A):
    A = np.array(A, dtype=float)
    basis = []
    for k in range(A.shape[1]):
        v = A[:, k].copy()
        for b in basis:
            v = v - (v @ b) * b
        norm = la.norm(v)
        if norm > verySmallNumber:
            basis.append(v / norm)
    if not basis:
        return np.zeros((A.shape[0], 0))
    return np.column_stack(basis)
