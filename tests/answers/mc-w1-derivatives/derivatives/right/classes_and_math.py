"""The product rule as a sum over (derivative, function) pairs; math-style
explicit formulas with np.power; the central difference through a symmetric sum."""
# fails: none
# %% forward_difference
def forward_difference(f, x, h):
    step = float(h)
    return (f(np.add(x, step)) - f(x)) * (1 / step)
# %% backward_difference
def backward_difference(f, x, h):
    return -(f(np.subtract(x, h)) - f(x)) / h
# %% central_difference
def central_difference(f, x, h):
    return sum(sign * f(x + sign * h) for sign in (1, -1)) / (2 * h)
# %% difference_errors
def difference_errors(f, df, x, steps):
    exact = df(x)
    out = np.empty((len(steps), 3))
    for i, h in enumerate(steps):
        out[i, 0] = np.abs(forward_difference(f, x, h) - exact)
        out[i, 1] = np.abs(backward_difference(f, x, h) - exact)
        out[i, 2] = np.abs(central_difference(f, x, h) - exact)
    return out
# %% product_rule
def product_rule(f, df, g, dg, x):
    terms = [(df, g), (f, dg)]
    return sum(first(x) * second(x) for first, second in terms)
# %% chain_rule
def chain_rule(f, df, g, dg, x):
    return np.multiply(df(g(x)), dg(x))
# %% d_beast
def d_beast(x):
    u = 2 * np.power(x, 5) + 3 * x
    return np.exp(-7 * x) * (np.cos(u) * (10 * np.power(x, 4) + 3)) - 7 * np.exp(-7 * x) * np.sin(u)
