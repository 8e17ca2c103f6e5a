"""Multiplies in the wrong order: inverse(E) @ T_E @ E."""
# fails: test_build_reflection_matrix_visible, test_build_reflection_matrix_hidden
# %% build_reflection_matrix
def build_reflection_matrix(bearBasis):
    E = gsBasis(bearBasis)
    T_E = np.array([[1, 0], [0, -1]])
    return la.inv(E) @ T_E @ E
