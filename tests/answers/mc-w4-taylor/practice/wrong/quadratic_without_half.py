"""quadratic_approximation adds d^T H d without the factor 1/2."""
# fails: test_quadratic_approximation_visible, test_quadratic_approximation_hidden
# %% quadratic_approximation
def quadratic_approximation(f_p, J, H, p, x):
    d = np.asarray(x, dtype=float) - np.asarray(p, dtype=float)
    return linearisation(f_p, J, p, x) + float(d @ np.asarray(H, dtype=float) @ d)
