"""Says a map flips when any entry of its matrix is negative."""
# fails: test_flips_orientation_visible, test_flips_orientation_hidden
# %% flips_orientation
def flips_orientation(A):
    return bool((np.asarray(A) < 0).any())
