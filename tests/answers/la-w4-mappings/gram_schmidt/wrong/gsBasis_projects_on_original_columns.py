"""gsBasis removes projections on the original columns A[:, i] instead of the finished
(orthonormal) columns B[:, i]."""
# fails: test_gsBasis_visible, test_gsBasis_hidden, test_dimensions_hidden
# %% gsBasis
def gsBasis(A):
    A = np.array(A, dtype=float)
    B = A.copy()
    for k in range(B.shape[1]):
        for i in range(k):
            B[:, k] = B[:, k] - (B[:, k] @ A[:, i]) / (A[:, i] @ A[:, i]) * A[:, i]
        norm = la.norm(B[:, k])
        if norm > verySmallNumber:
            B[:, k] = B[:, k] / norm
        else:
            B[:, k] = 0.0
    return B
