"""gsBasis4 copies A without converting it to float, so an integer A is truncated."""
# fails: test_gsBasis4_visible, test_gsBasis4_hidden
# %% gsBasis4
def gsBasis4(A):
    B = A.copy()
    norm = la.norm(B[:, 0])
    B[:, 0] = B[:, 0] / norm if norm > verySmallNumber else 0
    B[:, 1] = B[:, 1] - (B[:, 1] @ B[:, 0]) * B[:, 0]
    norm = la.norm(B[:, 1])
    B[:, 1] = B[:, 1] / norm if norm > verySmallNumber else 0
    B[:, 2] = B[:, 2] - (B[:, 2] @ B[:, 0]) * B[:, 0]
    B[:, 2] = B[:, 2] - (B[:, 2] @ B[:, 1]) * B[:, 1]
    norm = la.norm(B[:, 2])
    B[:, 2] = B[:, 2] / norm if norm > verySmallNumber else 0
    B[:, 3] = B[:, 3] - (B[:, 3] @ B[:, 0]) * B[:, 0]
    B[:, 3] = B[:, 3] - (B[:, 3] @ B[:, 1]) * B[:, 1]
    B[:, 3] = B[:, 3] - (B[:, 3] @ B[:, 2]) * B[:, 2]
    norm = la.norm(B[:, 3])
    B[:, 3] = B[:, 3] / norm if norm > verySmallNumber else 0
    return B
