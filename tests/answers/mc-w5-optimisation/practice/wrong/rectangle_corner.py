"""largest_rectangle_in_ellipse returns the corner (x, y) = (a, b) / sqrt 2, half the sides."""
# fails: test_largest_rectangle_in_ellipse_visible, test_largest_rectangle_in_ellipse_hidden
# %% largest_rectangle_in_ellipse
def largest_rectangle_in_ellipse(a, b):
    return np.array([a, b]) / np.sqrt(2)
