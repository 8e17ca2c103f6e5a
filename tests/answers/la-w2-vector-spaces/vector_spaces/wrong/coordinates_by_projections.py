"""Projects onto each basis vector even when the basis is not orthogonal."""
# fails: test_coordinates_visible, test_coordinates_hidden
# %% coordinates
def coordinates(r, B):
    return np.array([r @ b / (b @ b) for b in B.T])
