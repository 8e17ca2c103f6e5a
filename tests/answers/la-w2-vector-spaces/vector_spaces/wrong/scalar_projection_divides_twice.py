"""Divides by s . s, the coefficient of the vector projection."""
# fails: test_scalar_projection_visible, test_scalar_projection_hidden
# %% scalar_projection
def scalar_projection(r, s):
    return float(r @ s / (s @ s))
