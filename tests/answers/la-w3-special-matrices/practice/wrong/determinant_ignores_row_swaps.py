"""Eliminates with row swaps and multiplies the pivots, but forgets that a swap changes the sign."""
# fails: test_determinant_visible, test_determinant_hidden
# %% determinant
def determinant(A):
    M = np.array(A, dtype=float)
    n = len(M)
    product = 1.0
    for k in range(n):
        pivot = k + np.argmax(np.abs(M[k:, k]))
        if M[pivot, k] == 0:
            return 0.0
        M[[k, pivot]] = M[[pivot, k]]
        product *= M[k, k]
        M[k + 1:] -= np.outer(M[k + 1:, k] / M[k, k], M[k])
    return product
