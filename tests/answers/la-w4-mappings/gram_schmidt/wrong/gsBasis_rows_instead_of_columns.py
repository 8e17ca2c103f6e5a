"""gsBasis straightens the rows of A instead of its columns."""
# fails: test_gsBasis_visible, test_gsBasis_hidden, test_dimensions_hidden
# %% gsBasis
def gsBasis(A):
    B = np.array(A, dtype=float)
    for k in range(B.shape[0]):
        for i in range(k):
            B[k] = B[k] - (B[k] @ B[i]) * B[i]
        norm = la.norm(B[k])
        if norm > verySmallNumber:
            B[k] = B[k] / norm
        else:
            B[k] = 0.0
    return B
