"""Uses E on both sides, E @ T_E @ E, instead of E @ T_E @ inverse(E)."""
# fails: test_build_reflection_matrix_visible, test_build_reflection_matrix_hidden
# %% build_reflection_matrix
def build_reflection_matrix(bearBasis):
    E = gsBasis(bearBasis)
    T_E = np.array([[1, 0], [0, -1]])
    return E @ T_E @ E
