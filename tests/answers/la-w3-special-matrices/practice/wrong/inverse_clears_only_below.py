"""Scales the pivots and clears below them but never above: the left half ends upper triangular."""
# fails: test_inverse_by_elimination_visible, test_inverse_by_elimination_hidden
# %% inverse_by_elimination
def inverse_by_elimination(A):
    n = len(A)
    M = np.hstack([np.array(A, dtype=float), np.eye(n)])
    for k in range(n):
        pivot = k + np.argmax(np.abs(M[k:, k]))
        M[[k, pivot]] = M[[pivot, k]]
        M[k] /= M[k, k]
        for i in range(k + 1, n):
            M[i] -= M[i, k] * M[k]
    return M[:, n:]
