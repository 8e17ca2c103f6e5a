"""Lambdas for the difference quotients, a loop appending rows for the errors, the beast expanded into two
products with math-free NumPy calls."""
# fails: none
# %% forward_difference
forward_difference = lambda f, x, h: (f(x + h) - f(x)) / h  # noqa: E731
# %% backward_difference
backward_difference = lambda f, x, h: (f(x) - f(x - h)) / h  # noqa: E731
# %% central_difference
central_difference = lambda f, x, h: (f(x + h) - f(x - h)) / h / 2  # noqa: E731
# %% difference_errors
def difference_errors(f, df, x, steps):
    rows = []
    for h in steps:
        row = []
        for method in (forward_difference, backward_difference, central_difference):
            row.append(abs(method(f, x, h) - df(x)))
        rows.append(row)
    return rows
# %% product_rule
def product_rule(f, df, g, dg, x):
    return f(x) * dg(x) + g(x) * df(x)
# %% chain_rule
def chain_rule(f, df, g, dg, x):
    return dg(x) * df(g(x))
# %% d_beast
def d_beast(x):
    s = np.sin(2 * x**5 + 3 * x)
    c = np.cos(2 * x**5 + 3 * x)
    e = np.exp(-7 * x)
    return c * (10 * x**4 + 3) * e + s * (-7 * e)
