"""gsBasis4 removes the projections but never divides a column by its length."""
# fails: test_gsBasis4_visible, test_gsBasis4_hidden
# %% gsBasis4
def gsBasis4(A):
    B = np.array(A, dtype=float)
    B[:, 1] = B[:, 1] - (B[:, 1] @ B[:, 0]) / (B[:, 0] @ B[:, 0]) * B[:, 0]
    B[:, 2] = B[:, 2] - (B[:, 2] @ B[:, 0]) / (B[:, 0] @ B[:, 0]) * B[:, 0]
    B[:, 2] = B[:, 2] - (B[:, 2] @ B[:, 1]) / (B[:, 1] @ B[:, 1]) * B[:, 1]
    B[:, 3] = B[:, 3] - (B[:, 3] @ B[:, 0]) / (B[:, 0] @ B[:, 0]) * B[:, 0]
    B[:, 3] = B[:, 3] - (B[:, 3] @ B[:, 1]) / (B[:, 1] @ B[:, 1]) * B[:, 1]
    B[:, 3] = B[:, 3] - (B[:, 3] @ B[:, 2]) / (B[:, 2] @ B[:, 2]) * B[:, 2]
    return B
