"""J_W3 multiplies by the activations of layer 1 instead of layer 2 (the shape comes out wrong)."""
# fails: test_J_W3_visible, test_J_W3_hidden
# %% J_W3
def J_W3(x, y):
    a0, z1, a1, z2, a2, z3, a3 = network_function(x)
    delta3 = 2 * (a3 - y) * d_sigma(z3)
    return delta3 @ a1.T / x.size
