"""Checks only that no two columns are parallel, missing a vector that mixes two others."""
# fails: test_is_basis_visible
# %% is_basis
def is_basis(V):
    n, k = V.shape
    if k != n:
        return False
    for i in range(k):
        for j in range(i + 1, k):
            if np.linalg.matrix_rank(V[:, [i, j]]) < 2:
                return False
    return True
