"""The original course's answer with transpose(E) for the inverse of an orthonormal E, through
the name gs_basis."""
# fails: none
# %% build_reflection_matrix
def build_reflection_matrix(bearBasis):
    E = gs_basis(bearBasis)
    TE = np.array([[1, 0], [0, -1]])
    return E @ TE @ transpose(E)
