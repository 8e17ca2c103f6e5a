"""E is orthonormal, so its inverse is its transpose: T = E @ T_E @ E.T."""
# fails: none
# %% build_reflection_matrix
def build_reflection_matrix(bearBasis):
    E = gsBasis(bearBasis)
    return E @ np.diag([1, -1]) @ E.T
