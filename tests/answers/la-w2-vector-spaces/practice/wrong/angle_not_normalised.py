"""Takes the arccos of the dot product itself (clipped), without dividing by the lengths."""
# fails: test_angle_degrees_visible, test_angle_degrees_hidden
# %% angle_degrees
def angle_degrees(r, s):
    return float(np.degrees(np.arccos(np.clip(r @ s, -1, 1))))
