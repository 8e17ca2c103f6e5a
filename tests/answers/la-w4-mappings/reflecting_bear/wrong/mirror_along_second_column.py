"""Takes the mirror along the second column of bearBasis instead of the first."""
# fails: test_build_reflection_matrix_visible, test_build_reflection_matrix_hidden
# %% build_reflection_matrix
def build_reflection_matrix(bearBasis):
    E = gsBasis(bearBasis[:, ::-1])
    T_E = np.array([[1, 0], [0, -1]])
    return E @ T_E @ la.inv(E)
