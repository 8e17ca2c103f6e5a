"""distance returns the squared distance: it forgets the square root."""
# fails: test_distance_visible, test_distance_hidden
# %% distance
def distance(x0, x1):
    return np.sum((x0 - x1) ** 2)
