"""Projects s onto r instead of r onto s."""
# fails: test_vector_projection_visible, test_vector_projection_hidden
# %% vector_projection
def vector_projection(r, s):
    return (r @ s) / (r @ r) * r
