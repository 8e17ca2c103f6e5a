"""np.linalg.solve for Newton, a hybrid that calls the other two functions, and a
Newton-Raphson with a while loop and a step counter."""
# fails: none
# %% newton_raphson
def newton_raphson(f, df, x0, tol=1e-12, max_iter=50):
    x_old = x0
    steps = 0
    while steps < max_iter:
        x_new = x_old - f(x_old) / df(x_old)
        steps += 1
        if abs(x_new - x_old) < tol:
            return x_new
        x_old = x_new
    raise RuntimeError("Newton-Raphson did not converge")
# %% next_step_steepest
def next_step_steepest(depth, J, H):
    return -GAMMA * J
# %% next_step_newton
def next_step_newton(depth, J, H):
    return np.linalg.solve(H, -J)
# %% next_step_hybrid
def next_step_hybrid(depth, J, H):
    newton = next_step_newton(depth, J, H)
    downhill = np.dot(J, newton) <= 0
    short = np.sqrt(np.sum(newton**2)) <= MAX_NEWTON_STEP
    return newton if (downhill and short) else next_step_steepest(depth, J, H)
