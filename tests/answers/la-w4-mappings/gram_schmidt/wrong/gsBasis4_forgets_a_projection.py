"""gsBasis4 forgets to remove the projection of column 3 on column 2."""
# fails: test_gsBasis4_visible, test_gsBasis4_hidden
# %% gsBasis4
def gsBasis4(A):
    B = np.array(A, dtype=float)

    def finish(k):
        norm = la.norm(B[:, k])
        B[:, k] = B[:, k] / norm if norm > verySmallNumber else 0.0

    finish(0)
    B[:, 1] = B[:, 1] - (B[:, 1] @ B[:, 0]) * B[:, 0]
    finish(1)
    B[:, 2] = B[:, 2] - (B[:, 2] @ B[:, 0]) * B[:, 0]
    B[:, 2] = B[:, 2] - (B[:, 2] @ B[:, 1]) * B[:, 1]
    finish(2)
    B[:, 3] = B[:, 3] - (B[:, 3] @ B[:, 0]) * B[:, 0]
    B[:, 3] = B[:, 3] - (B[:, 3] @ B[:, 1]) * B[:, 1]
    finish(3)
    return B
