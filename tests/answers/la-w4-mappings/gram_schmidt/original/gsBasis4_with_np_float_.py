"""The original course's first line of gsBasis4, B = np.array(A, dtype=np.float_): NumPy 2
removed np.float_."""
# fails: test_gsBasis4_visible, test_gsBasis4_hidden
# message: `np.float_` is gone in NumPy 2: use `np.float64`
# ruff: noqa: NPY201
# %% gsBasis4
def gsBasis4(A) :
    B = np.array(A, dtype=np.float_)
    for i in range(4) :
        for j in range(i) :
            B[:, i] = B[:, i] - B[:, i] @ B[:, j] * B[:, j]
        if la.norm(B[:, i]) > verySmallNumber :
            B[:, i] = B[:, i] / la.norm(B[:, i])
        else :
            B[:, i] = np.zeros_like(B[:, i])
    return B
