"""J_b1 carries the error back through W2 but forgets the factor d_sigma(z1) of layer 1."""
# fails: test_J_b1_visible, test_J_b1_hidden
# %% J_b1
def J_b1(x, y):
    a0, z1, a1, z2, a2, z3, a3 = network_function(x)
    delta3 = 2 * (a3 - y) * d_sigma(z3)
    delta2 = (W3.T @ delta3) * d_sigma(z2)
    delta1 = W2.T @ delta2
    return np.sum(delta1, axis=1, keepdims=True) / x.size
