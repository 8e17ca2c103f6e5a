"""Divides A v by v entry by entry and checks the ratios agree: a zero entry of v gives nan."""
# fails: test_is_eigenvector_visible, test_is_eigenvector_hidden
# %% is_eigenvector
def is_eigenvector(A, v):
    with np.errstate(all="ignore"):
        ratios = (A @ v) / v
    return bool(np.allclose(ratios, ratios[0]))
