"""jacobian_polar forgets the factor r in the theta column."""
# fails: test_jacobian_polar_visible, test_jacobian_polar_hidden
# %% jacobian_polar
def jacobian_polar(r, theta):
    return np.array([[np.cos(theta), -np.sin(theta)], [np.sin(theta), np.cos(theta)]])
