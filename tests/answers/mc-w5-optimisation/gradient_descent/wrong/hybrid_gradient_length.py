"""Measures the length of the gradient J instead of the length of the Newton step."""
# fails: test_hybrid_visible, test_hybrid_hidden
# %% next_step_hybrid
def next_step_hybrid(depth, J, H):
    step = next_step_newton(depth, J, H)
    if J @ step > 0 or np.linalg.norm(J) > MAX_NEWTON_STEP:
        return next_step_steepest(depth, J, H)
    return step
