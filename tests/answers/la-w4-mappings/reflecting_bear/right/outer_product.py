"""Builds T from the unit mirror vector u alone: T = 2 u u^T - I."""
# fails: none
# %% build_reflection_matrix
def build_reflection_matrix(bearBasis):
    u = bearBasis[:, 0] / np.linalg.norm(bearBasis[:, 0])
    return 2 * np.outer(u, u) - np.identity(2)
