"""Only asks whether the columns reach all of R^n (rank n), so too many vectors pass."""
# fails: test_is_basis_visible, test_is_basis_hidden
# %% is_basis
def is_basis(V):
    return bool(np.linalg.matrix_rank(V) == V.shape[0])
