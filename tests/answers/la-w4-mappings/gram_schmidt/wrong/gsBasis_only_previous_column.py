"""gsBasis removes only the projection on the column just before, not on all finished ones."""
# fails: test_gsBasis_visible, test_gsBasis_hidden, test_dimensions_hidden
# %% gsBasis
def gsBasis(A):
    B = np.array(A, dtype=float)
    for k in range(B.shape[1]):
        if k > 0:
            B[:, k] = B[:, k] - (B[:, k] @ B[:, k - 1]) * B[:, k - 1]
        norm = la.norm(B[:, k])
        if norm > verySmallNumber:
            B[:, k] = B[:, k] / norm
        else:
            B[:, k] = 0.0
    return B
