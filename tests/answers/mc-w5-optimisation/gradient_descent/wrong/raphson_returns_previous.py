"""Newton-Raphson that stops at the right moment but returns the iterate before the last step."""
# fails: test_newton_raphson_visible, test_newton_raphson_hidden
# %% newton_raphson
def newton_raphson(f, df, x0, tol=1e-12, max_iter=50):
    x = x0
    for _ in range(max_iter):
        x_new = x - f(x) / df(x)
        if abs(x_new - x) < tol:
            return x
        x = x_new
    raise RuntimeError("no convergence")
