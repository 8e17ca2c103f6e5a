"""The original course's answer, with the setup cell's names: E @ TE @ inv(E)."""
# fails: none
# %% build_reflection_matrix
def build_reflection_matrix(bearBasis):
    E = gsBasis(bearBasis)
    TE = np.array([[1, 0], [0, -1]])
    T = E @ TE @ inv(E)
    return T
