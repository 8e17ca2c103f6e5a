"""Classical Gram–Schmidt: every coefficient comes from the original column, and gsBasis
removes all the projections with two matrix products."""
# fails: none
# %% gsBasis4
def gsBasis4(A):
    A = np.array(A, dtype=float)
    B = np.zeros_like(A)
    n0 = la.norm(A[:, 0])
    if n0 > verySmallNumber:
        B[:, 0] = A[:, 0] / n0
    v = A[:, 1] - (A[:, 1] @ B[:, 0]) * B[:, 0]
    if la.norm(v) > verySmallNumber:
        B[:, 1] = v / la.norm(v)
    v = A[:, 2] - (A[:, 2] @ B[:, 0]) * B[:, 0] - (A[:, 2] @ B[:, 1]) * B[:, 1]
    if la.norm(v) > verySmallNumber:
        B[:, 2] = v / la.norm(v)
    v = (A[:, 3] - (A[:, 3] @ B[:, 0]) * B[:, 0] - (A[:, 3] @ B[:, 1]) * B[:, 1]
         - (A[:, 3] @ B[:, 2]) * B[:, 2])
    if la.norm(v) > verySmallNumber:
        B[:, 3] = v / la.norm(v)
    return B
# %% gsBasis
def gsBasis(A):
    A = np.asarray(A, dtype=np.float64)
    B = np.zeros(A.shape)
    for k in range(A.shape[1]):
        done = B[:, :k]
        v = A[:, k] - done @ (done.T @ A[:, k])
        length = np.sqrt(v @ v)
        if length > verySmallNumber:
            B[:, k] = v / length
    return B
