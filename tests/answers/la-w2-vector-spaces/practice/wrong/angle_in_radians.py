"""Returns radians, as np.arccos gives them."""
# fails: test_angle_degrees_visible, test_angle_degrees_hidden
# %% angle_degrees
def angle_degrees(r, s):
    cosine = r @ s / np.sqrt((r @ r) * (s @ s))
    return float(np.arccos(np.clip(cosine, -1, 1)))
