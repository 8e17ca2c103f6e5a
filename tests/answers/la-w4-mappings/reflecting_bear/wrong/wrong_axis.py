"""Uses T_E = [[-1, 0], [0, 1]], which keeps the perpendicular direction and flips the mirror
direction: the reflection in the line perpendicular to the mirror."""
# fails: test_build_reflection_matrix_visible, test_build_reflection_matrix_hidden
# %% build_reflection_matrix
def build_reflection_matrix(bearBasis):
    E = gsBasis(bearBasis)
    T_E = np.array([[-1, 0], [0, 1]])
    return E @ T_E @ la.inv(E)
