"""Compares A^T A with I exactly, which rounding defeats."""
# fails: test_is_orthogonal_visible, test_is_orthogonal_hidden
# %% is_orthogonal
def is_orthogonal(A):
    return bool(np.array_equal(A.T @ A, np.eye(len(A))))
