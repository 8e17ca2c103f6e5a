"""Uses the unit normal n = second column of gsBasis(bearBasis): T = I - 2 n n^T, written with
np.linalg.solve instead of an explicit inverse as a check of the same matrix."""
# fails: none
# %% build_reflection_matrix
def build_reflection_matrix(bearBasis):
    E = gsBasis(bearBasis)
    n = E[:, 1:2]  # (2, 1)
    T = np.eye(2) - 2 * n @ n.T
    # the same matrix via the change of basis, without forming inverse(E): X E = E T_E
    T_again = np.linalg.solve(E.T, (E @ np.diag([1.0, -1.0])).T).T
    return (T + T_again) / 2
