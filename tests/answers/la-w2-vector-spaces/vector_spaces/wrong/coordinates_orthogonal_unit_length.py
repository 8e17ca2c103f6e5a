"""Takes r . b_i as the coordinate, as if every basis vector had length 1."""
# fails: test_coordinates_orthogonal_visible, test_coordinates_orthogonal_hidden
# %% coordinates_orthogonal
def coordinates_orthogonal(r, B):
    return B.T @ r
