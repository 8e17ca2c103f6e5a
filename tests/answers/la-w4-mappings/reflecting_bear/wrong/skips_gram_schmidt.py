"""Uses bearBasis itself as E, without Gram–Schmidt: a skew reflection along the slanted
second vector."""
# fails: test_build_reflection_matrix_visible, test_build_reflection_matrix_hidden
# %% build_reflection_matrix
def build_reflection_matrix(bearBasis):
    E = np.array(bearBasis, dtype=float)
    T_E = np.array([[1, 0], [0, -1]])
    return E @ T_E @ la.inv(E)
