"""Assigns each term instead of adding it, so only the last j survives."""
# fails: test_einstein_product_visible, test_einstein_product_hidden
# %% einstein_product
def einstein_product(A, B):
    if A.shape[1] != B.shape[0]:
        raise ValueError("inner sizes differ")
    C = np.zeros((A.shape[0], B.shape[1]))
    for i in range(A.shape[0]):
        for k in range(B.shape[1]):
            for j in range(A.shape[1]):
                C[i, k] = A[i, j] * B[j, k]
    return C
