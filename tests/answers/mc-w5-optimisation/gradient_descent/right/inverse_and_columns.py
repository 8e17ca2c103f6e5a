"""Works with column vectors: every step is returned with shape (2, 1); Newton uses
np.linalg.inv; Newton-Raphson also stops when f(x) is already (almost) zero."""
# fails: none
# %% newton_raphson
def newton_raphson(f, df, x0, tol=1e-12, max_iter=50):
    x = x0
    for _ in range(max_iter):
        fx = f(x)
        if fx == 0:
            return x
        x_next = x - fx / df(x)
        if abs(x_next - x) < tol or abs(f(x_next)) < 1e-15:
            return x_next
        x = x_next
    raise RuntimeError(f"no root found in {max_iter} iterations")
# %% next_step_steepest
def next_step_steepest(depth, J, H):
    return -GAMMA * np.reshape(J, (2, 1))
# %% next_step_newton
def next_step_newton(depth, J, H):
    return -np.linalg.inv(H) @ np.reshape(J, (2, 1))
# %% next_step_hybrid
def next_step_hybrid(depth, J, H):
    column = np.reshape(J, (2, 1))
    step = next_step_newton(depth, J, H)
    uphill = (column.T @ step).item() > 0
    too_long = float(np.linalg.norm(step)) > MAX_NEWTON_STEP
    if uphill or too_long:
        step = next_step_steepest(depth, J, H)
    return step
