"""Divides the dot product by the squared lengths."""
# fails: test_cosine_visible, test_cosine_hidden
# %% cosine
def cosine(r, s):
    return float(r @ s / ((r @ r) * (s @ s)))
