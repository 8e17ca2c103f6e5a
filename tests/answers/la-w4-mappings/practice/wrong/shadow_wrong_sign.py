"""Adds z s / s_z instead of subtracting it: the shadow falls towards the sun."""
# fails: test_shadow_matrix_visible, test_shadow_matrix_hidden
# %% shadow_matrix
def shadow_matrix(s):
    return np.array([[1.0, 0.0, s[0] / s[2]], [0.0, 1.0, s[1] / s[2]]])
