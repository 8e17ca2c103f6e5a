"""inner_length uses the ordinary Euclidean length and ignores A."""
# fails: test_inner_length_visible, test_inner_length_hidden, test_inner_angle_visible, test_inner_angle_hidden
# %% inner_length
def inner_length(x, A):
    return float(np.linalg.norm(x))
# %% inner_angle
def inner_angle(x, y, A):
    cosine = (x @ A @ y) / (inner_length(x, A) * inner_length(y, A))
    return float(np.arccos(np.clip(cosine, -1, 1)))
