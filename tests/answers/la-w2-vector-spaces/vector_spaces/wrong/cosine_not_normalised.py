"""Returns the dot product without dividing by the lengths."""
# fails: test_cosine_visible, test_cosine_hidden
# %% cosine
def cosine(r, s):
    return float(r @ s)
