"""is_orthogonal_projection squares P entry by entry (P**2) instead of the matrix product."""
# fails: test_is_orthogonal_projection_visible, test_is_orthogonal_projection_hidden
# %% is_orthogonal_projection
def is_orthogonal_projection(P):
    return bool(np.allclose(P**2, P) and np.allclose(P, P.T))
