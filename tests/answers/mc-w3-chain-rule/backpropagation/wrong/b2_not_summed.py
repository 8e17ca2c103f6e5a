"""J_b2 divides delta2 by N but never sums over the samples: an (n2, N) array, not (n2, 1)."""
# fails: test_J_b2_visible, test_J_b2_hidden
# %% J_b2
def J_b2(x, y):
    a0, z1, a1, z2, a2, z3, a3 = network_function(x)
    delta3 = 2 * (a3 - y) * d_sigma(z3)
    delta2 = (W3.T @ delta3) * d_sigma(z2)
    return delta2 / x.size
