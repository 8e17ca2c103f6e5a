"""Uses the rows of B as the basis vectors."""
# fails: test_coordinates_orthogonal_visible, test_coordinates_orthogonal_hidden
# %% coordinates_orthogonal
def coordinates_orthogonal(r, B):
    return np.array([r @ b / (b @ b) for b in B])
