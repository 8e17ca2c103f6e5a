"""Solves with the transpose of B, taking its rows as the basis vectors."""
# fails: test_coordinates_visible, test_coordinates_hidden
# %% coordinates
def coordinates(r, B):
    return np.linalg.solve(B.T, r)
