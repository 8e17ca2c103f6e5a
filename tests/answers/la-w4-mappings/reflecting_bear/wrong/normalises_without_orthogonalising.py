"""Makes both columns of bearBasis unit length but does not make them perpendicular."""
# fails: test_build_reflection_matrix_visible, test_build_reflection_matrix_hidden
# %% build_reflection_matrix
def build_reflection_matrix(bearBasis):
    E = np.array(bearBasis, dtype=float)
    E = E / la.norm(E, axis=0)
    T_E = np.array([[1, 0], [0, -1]])
    return E @ T_E @ la.inv(E)
