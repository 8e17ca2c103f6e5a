"""J_b3 evaluates the logistic derivative at the activation a3 instead of the weighted sum z3."""
# fails: test_J_b3_visible, test_J_b3_hidden
# %% J_b3
def J_b3(x, y):
    a0, z1, a1, z2, a2, z3, a3 = network_function(x)
    delta3 = 2 * (a3 - y) * d_sigma(a3)
    return np.sum(delta3, axis=1, keepdims=True) / x.size
