"""linearisation computes J @ d without flattening J: a (1, 2) Jacobian gives a (1,) array."""
# fails: test_linearisation_visible, test_quadratic_approximation_visible
# %% linearisation
def linearisation(f_p, J, p, x):
    step = np.asarray(x, dtype=float) - np.asarray(p, dtype=float)
    return f_p + np.asarray(J, dtype=float) @ step
