"""is_orthogonal_projection checks symmetry only."""
# fails: test_is_orthogonal_projection_visible, test_is_orthogonal_projection_hidden
# %% is_orthogonal_projection
def is_orthogonal_projection(P):
    return bool(np.allclose(P, P.T))
