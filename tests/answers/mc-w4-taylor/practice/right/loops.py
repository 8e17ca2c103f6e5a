"""Plain Python loops everywhere: factorials built up by multiplication, sums term by term,
the Jacobian and Hessian products written out entry by entry."""
# fails: none
# %% taylor_coefficients
def taylor_coefficients(derivatives):
    out = []
    factorial = 1.0
    for k, value in enumerate(derivatives):
        if k > 0:
            factorial *= k
        out.append(value / factorial)
    return np.array(out)
# %% taylor_polynomial
def taylor_polynomial(coefficients, a, x):
    total = 0.0
    for k in range(len(coefficients)):
        total = total + coefficients[k] * (np.asarray(x) - a) ** k
    return total
# %% linearisation
def linearisation(f_p, J, p, x):
    J = np.reshape(J, -1)
    return f_p + J[0] * (x[0] - p[0]) + J[1] * (x[1] - p[1])
# %% quadratic_approximation
def quadratic_approximation(f_p, J, H, p, x):
    d = [x[0] - p[0], x[1] - p[1]]
    second = sum(H[i][j] * d[i] * d[j] for i in range(2) for j in range(2))
    return linearisation(f_p, J, p, x) + second / 2
# %% taylor_errors
def taylor_errors(derivatives, a, x, true_value):
    errors = []
    partial = 0.0
    for k, c in enumerate(taylor_coefficients(derivatives)):
        partial += c * (x - a) ** k
        errors.append(abs(true_value - partial))
    return errors
