"""J_W1 forgets the 2 from the derivative of the square in the cost."""
# fails: test_J_W1_visible, test_J_W1_hidden
# %% J_W1
def J_W1(x, y):
    a0, z1, a1, z2, a2, z3, a3 = network_function(x)
    delta3 = (a3 - y) * d_sigma(z3)
    delta2 = (W3.T @ delta3) * d_sigma(z2)
    delta1 = (W2.T @ delta2) * d_sigma(z1)
    return delta1 @ a0.T / x.size
