"""linearisation multiplies the Jacobian by x rather than by the step x - p."""
# fails: test_linearisation_visible, test_linearisation_hidden, test_quadratic_approximation_visible, test_quadratic_approximation_hidden
# %% linearisation
def linearisation(f_p, J, p, x):
    return float(f_p + np.ravel(J) @ np.asarray(x, dtype=float))
