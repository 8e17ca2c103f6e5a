"""Takes the transpose for the inverse (true only of orthogonal matrices)."""
# fails: test_inverse_by_elimination_visible, test_inverse_by_elimination_hidden
# %% inverse_by_elimination
def inverse_by_elimination(A):
    return np.array(A, dtype=float).T
