"""Returns True for a positive determinant: the opposite question."""
# fails: test_flips_orientation_visible, test_flips_orientation_hidden
# %% flips_orientation
def flips_orientation(A):
    return bool(np.linalg.det(A) > 0)
