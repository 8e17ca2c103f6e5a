"""The original course's loop for gsBasis, with np.float64 where it wrote np.float_."""
# fails: none
# %% gsBasis
def gsBasis(A) :
    B = np.array(A, dtype=np.float64)
    for i in range(B.shape[1]) :
        for j in range(i) :
            B[:, i] = B[:, i] - B[:, i] @ B[:, j] * B[:, j]
        if la.norm(B[:, i]) > verySmallNumber :
            B[:, i] = B[:, i] / la.norm(B[:, i])
        else :
            B[:, i] = np.zeros_like(B[:, i])
    return B
