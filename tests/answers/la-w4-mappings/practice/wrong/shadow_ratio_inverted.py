"""Divides s_z by s_x and s_y instead of the other way round."""
# fails: test_shadow_matrix_visible, test_shadow_matrix_hidden
# %% shadow_matrix
def shadow_matrix(s):
    with np.errstate(all="ignore"):
        return np.array([[1.0, 0.0, -s[2] / s[0]], [0.0, 1.0, -s[2] / s[1]]])
