"""Loops without checking the inner sizes: mismatched matrices give an IndexError, not a clear
ValueError."""
# fails: test_einstein_product_visible
# %% einstein_product
def einstein_product(A, B):
    C = np.zeros((A.shape[0], B.shape[1]))
    for i in range(A.shape[0]):
        for k in range(B.shape[1]):
            for j in range(A.shape[1]):
                C[i, k] += A[i, j] * B[j, k]
    return C
