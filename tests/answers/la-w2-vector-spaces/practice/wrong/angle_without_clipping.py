"""Calls np.arccos without clipping: parallel vectors can give nan."""
# fails: test_angle_degrees_visible
# %% angle_degrees
def angle_degrees(r, s):
    with np.errstate(all="ignore"):
        return float(np.degrees(np.arccos(r @ s / (np.linalg.norm(r) * np.linalg.norm(s)))))
