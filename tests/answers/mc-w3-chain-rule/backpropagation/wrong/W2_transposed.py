"""J_W2 builds the outer products the wrong way round, a1 @ delta2.T: the transposed Jacobian."""
# fails: test_J_W2_visible, test_J_W2_hidden
# %% J_W2
def J_W2(x, y):
    a0, z1, a1, z2, a2, z3, a3 = network_function(x)
    delta3 = 2 * (a3 - y) * d_sigma(z3)
    delta2 = (W3.T @ delta3) * d_sigma(z2)
    return a1 @ delta2.T / x.size
