"""Newton step written -inv(H) * J: an element-by-element product (a 2 x 2 array), not a
matrix-vector product. The hybrid reuses it."""
# fails: test_newton_step_visible, test_newton_step_hidden, test_hybrid_visible, test_hybrid_hidden
# %% next_step_newton
def next_step_newton(depth, J, H):
    return -np.linalg.inv(H) * J
