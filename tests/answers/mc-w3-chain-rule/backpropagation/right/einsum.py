"""All six gradients with np.einsum and N = x.shape[1]; the sums over samples are explicit."""
# fails: none
# %% J_W3
def J_W3(x, y):
    a0, z1, a1, z2, a2, z3, a3 = network_function(x)
    d3 = 2 * (a3 - y) * d_sigma(z3)
    return np.einsum("jn,kn->jk", d3, a2) / x.shape[1]
# %% J_b3
def J_b3(x, y):
    a0, z1, a1, z2, a2, z3, a3 = network_function(x)
    d3 = 2 * (a3 - y) * d_sigma(z3)
    return np.einsum("jn->j", d3)[:, None] / x.shape[1]
# %% J_W2
def J_W2(x, y):
    a0, z1, a1, z2, a2, z3, a3 = network_function(x)
    d3 = 2 * (a3 - y) * d_sigma(z3)
    d2 = np.einsum("jk,jn->kn", W3, d3) * d_sigma(z2)
    return np.einsum("jn,kn->jk", d2, a1) / x.shape[1]
# %% J_b2
def J_b2(x, y):
    a0, z1, a1, z2, a2, z3, a3 = network_function(x)
    d3 = 2 * (a3 - y) * d_sigma(z3)
    d2 = np.einsum("jk,jn->kn", W3, d3) * d_sigma(z2)
    return np.einsum("jn->j", d2)[:, None] / x.shape[1]
# %% J_W1
def J_W1(x, y):
    a0, z1, a1, z2, a2, z3, a3 = network_function(x)
    d3 = 2 * (a3 - y) * d_sigma(z3)
    d2 = np.einsum("jk,jn->kn", W3, d3) * d_sigma(z2)
    d1 = np.einsum("jk,jn->kn", W2, d2) * d_sigma(z1)
    return np.einsum("jn,kn->jk", d1, a0) / x.shape[1]
# %% J_b1
def J_b1(x, y):
    a0, z1, a1, z2, a2, z3, a3 = network_function(x)
    d3 = 2 * (a3 - y) * d_sigma(z3)
    d2 = np.einsum("jk,jn->kn", W3, d3) * d_sigma(z2)
    d1 = np.einsum("jk,jn->kn", W2, d2) * d_sigma(z1)
    return np.einsum("jn->j", d1).reshape(-1, 1) / x.shape[1]
