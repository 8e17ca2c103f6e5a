"""gsBasis4 divides column 0 by its length without the verySmallNumber test (a zero column 0
becomes NaN)."""
# fails: test_gsBasis4_visible, test_gsBasis4_hidden
# %% gsBasis4
def gsBasis4(A):
    B = np.array(A, dtype=float)
    B[:, 0] = B[:, 0] / la.norm(B[:, 0])
    B[:, 1] = B[:, 1] - (B[:, 1] @ B[:, 0]) * B[:, 0]
    if la.norm(B[:, 1]) > verySmallNumber:
        B[:, 1] = B[:, 1] / la.norm(B[:, 1])
    else:
        B[:, 1] = np.zeros_like(B[:, 1])
    B[:, 2] = B[:, 2] - (B[:, 2] @ B[:, 0]) * B[:, 0]
    B[:, 2] = B[:, 2] - (B[:, 2] @ B[:, 1]) * B[:, 1]
    if la.norm(B[:, 2]) > verySmallNumber:
        B[:, 2] = B[:, 2] / la.norm(B[:, 2])
    else:
        B[:, 2] = np.zeros_like(B[:, 2])
    B[:, 3] = B[:, 3] - (B[:, 3] @ B[:, 0]) * B[:, 0]
    B[:, 3] = B[:, 3] - (B[:, 3] @ B[:, 1]) * B[:, 1]
    B[:, 3] = B[:, 3] - (B[:, 3] @ B[:, 2]) * B[:, 2]
    if la.norm(B[:, 3]) > verySmallNumber:
        B[:, 3] = B[:, 3] / la.norm(B[:, 3])
    else:
        B[:, 3] = np.zeros_like(B[:, 3])
    return B
