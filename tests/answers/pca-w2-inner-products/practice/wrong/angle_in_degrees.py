"""inner_angle returns the angle in degrees."""
# fails: test_inner_angle_visible, test_inner_angle_hidden
# %% inner_angle
def inner_angle(x, y, A):
    cosine = (x @ A @ y) / np.sqrt((x @ A @ x) * (y @ A @ y))
    return float(np.degrees(np.arccos(cosine)))
