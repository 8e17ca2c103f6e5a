"""angle calls np.arccos on the raw cosine: for parallel vectors rounding gives a cosine just
above 1 (or below -1) and the answer is nan."""
# fails: test_angle_visible, test_angle_hidden
# %% angle
def angle(x0, x1):
    return np.arccos(np.dot(x0, x1) / (np.linalg.norm(x0) * np.linalg.norm(x1)))
