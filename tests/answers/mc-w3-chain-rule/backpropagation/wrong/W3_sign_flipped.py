"""J_W3 uses (y - a3) instead of (a3 - y): the gradient comes out with the wrong sign."""
# fails: test_J_W3_visible, test_J_W3_hidden
# %% J_W3
def J_W3(x, y):
    a0, z1, a1, z2, a2, z3, a3 = network_function(x)
    return 2 * (y - a3) * d_sigma(z3) @ a2.T / x.size
