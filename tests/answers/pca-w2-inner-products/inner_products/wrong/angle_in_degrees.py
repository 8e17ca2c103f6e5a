"""angle converts its result to degrees instead of returning radians."""
# fails: test_angle_visible, test_angle_hidden
# %% angle
def angle(x0, x1):
    cosine = np.dot(x0, x1) / (np.linalg.norm(x0) * np.linalg.norm(x1))
    return np.degrees(np.arccos(np.clip(cosine, -1, 1)))
