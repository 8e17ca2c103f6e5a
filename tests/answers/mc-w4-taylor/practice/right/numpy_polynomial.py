"""numpy.polynomial.Polynomial for the polynomial, math.factorial in a comprehension, (1, 1)
matrix products for the surface models returned as numbers with .item()."""
# fails: none
# %% taylor_coefficients
def taylor_coefficients(derivatives):
    return np.array([d / math.factorial(k) for k, d in enumerate(derivatives)])
# %% taylor_polynomial
def taylor_polynomial(coefficients, a, x):
    return np.polynomial.Polynomial(coefficients)(np.asarray(x, dtype=float) - a)
# %% linearisation
def linearisation(f_p, J, p, x):
    row = np.asarray(J, dtype=float).reshape(1, 2)
    column = (np.asarray(x, dtype=float) - np.asarray(p, dtype=float)).reshape(2, 1)
    return f_p + (row @ column).item()
# %% quadratic_approximation
def quadratic_approximation(f_p, J, H, p, x):
    column = (np.asarray(x, dtype=float) - np.asarray(p, dtype=float)).reshape(2, 1)
    return linearisation(f_p, J, p, x) + (column.T @ np.asarray(H) @ column).item() / 2
# %% taylor_errors
def taylor_errors(derivatives, a, x, true_value):
    c = taylor_coefficients(derivatives)
    return [abs(true_value - taylor_polynomial(c[:n], a, x)) for n in range(1, len(c) + 1)]
