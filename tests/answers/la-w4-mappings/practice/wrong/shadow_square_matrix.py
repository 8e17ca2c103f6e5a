"""Returns the 3x3 map with a zero third row instead of the 2x3 projection."""
# fails: test_shadow_matrix_visible, test_shadow_matrix_hidden
# %% shadow_matrix
def shadow_matrix(s):
    return np.array([[1.0, 0.0, -s[0] / s[2]], [0.0, 1.0, -s[1] / s[2]], [0.0, 0.0, 0.0]])
