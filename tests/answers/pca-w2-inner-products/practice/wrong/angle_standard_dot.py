"""inner_angle measures the angle with the ordinary dot product."""
# fails: test_inner_angle_visible, test_inner_angle_hidden
# %% inner_angle
def inner_angle(x, y, A):
    return float(np.arccos(x @ y / (np.linalg.norm(x) * np.linalg.norm(y))))
