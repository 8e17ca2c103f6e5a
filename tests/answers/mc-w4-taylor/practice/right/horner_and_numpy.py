"""Vectorised: scipy.special.factorial, Horner's rule, np.dot/einsum, cumulative sums;
the quadratic model is written without calling linearisation."""
# fails: none
# %% taylor_coefficients
from scipy.special import factorial


def taylor_coefficients(derivatives):
    d = np.array(derivatives, dtype=float)
    return d / factorial(np.arange(len(d)), exact=False)
# %% taylor_polynomial
def taylor_polynomial(coefficients, a, x):
    d = np.asarray(x, dtype=float) - a
    result = np.zeros_like(d)
    for c in reversed(list(coefficients)):
        result = result * d + c
    return result
# %% linearisation
def linearisation(f_p, J, p, x):
    return f_p + np.dot(np.asarray(J).reshape(2), np.subtract(x, p))
# %% quadratic_approximation
def quadratic_approximation(f_p, J, H, p, x):
    d = np.subtract(x, p).astype(float)
    return f_p + np.asarray(J).ravel() @ d + 0.5 * np.einsum("i,ij,j->", d, np.asarray(H), d)
# %% taylor_errors
def taylor_errors(derivatives, a, x, true_value):
    terms = taylor_coefficients(derivatives) * (x - a) ** np.arange(len(derivatives))
    return np.abs(true_value - np.cumsum(terms))
