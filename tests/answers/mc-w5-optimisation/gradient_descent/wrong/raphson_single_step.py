"""Takes one Newton-Raphson step and returns it, with no loop."""
# fails: test_newton_raphson_visible, test_newton_raphson_hidden
# %% newton_raphson
def newton_raphson(f, df, x0, tol=1e-12, max_iter=50):
    return x0 - f(x0) / df(x0)
