"""Multiplies s by the scalar projection: divides by |s| only once."""
# fails: test_vector_projection_visible, test_vector_projection_hidden
# %% vector_projection
def vector_projection(r, s):
    return (r @ s) / np.sqrt(s @ s) * s
