"""The central quotient as the average of forward and backward; the errors computed for all
steps at once with NumPy broadcasting; the beast's derivative built from the learner's own
product_rule and chain_rule."""
# fails: none
# %% forward_difference
def forward_difference(f, x, h):
    return np.divide(np.subtract(f(x + h), f(x)), h)
# %% backward_difference
def backward_difference(f, x, h):
    return forward_difference(f, x - h, h)
# %% central_difference
def central_difference(f, x, h):
    return (forward_difference(f, x, h) + backward_difference(f, x, h)) / 2
# %% difference_errors
def difference_errors(f, df, x, steps):
    h = np.asarray(steps, dtype=float)
    quotients = np.column_stack([forward_difference(f, x, h), backward_difference(f, x, h),
                                 central_difference(f, x, h)])
    return np.abs(quotients - df(x))
# %% product_rule
def product_rule(f, df, g, dg, x):
    return np.add(np.multiply(df(x), g(x)), np.multiply(f(x), dg(x)))
# %% chain_rule
def chain_rule(f, df, g, dg, x):
    inner = g(x)
    return df(inner) * dg(x)
# %% d_beast
def d_beast(x):
    def inner(t):
        return 2 * t**5 + 3 * t

    def d_inner(t):
        return 10 * t**4 + 3

    def d_sine_part(t):
        return chain_rule(np.sin, np.cos, inner, d_inner, t)

    def d_exp_part(t):
        return chain_rule(np.exp, np.exp, lambda s: -7 * s, lambda s: -7 + 0 * s, t)

    return product_rule(lambda t: np.sin(inner(t)), d_sine_part, lambda t: np.exp(-7 * t),
                        d_exp_part, x)
