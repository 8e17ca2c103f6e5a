"""largest_rectangle_in_ellipse returns the box around the ellipse, (2a, 2b)."""
# fails: test_largest_rectangle_in_ellipse_visible, test_largest_rectangle_in_ellipse_hidden
# %% largest_rectangle_in_ellipse
def largest_rectangle_in_ellipse(a, b):
    return np.array([2 * a, 2 * b])
