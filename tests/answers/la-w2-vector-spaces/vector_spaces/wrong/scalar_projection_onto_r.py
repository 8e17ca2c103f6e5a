"""Divides by the length of r: the projection of s onto r."""
# fails: test_scalar_projection_visible, test_scalar_projection_hidden
# %% scalar_projection
def scalar_projection(r, s):
    return float(r @ s / np.sqrt(r @ r))
