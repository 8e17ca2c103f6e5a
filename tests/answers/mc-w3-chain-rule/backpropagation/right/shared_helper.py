"""One helper runs the forward pass and the whole backward chain once; each J_ picks its part.
The averages use .mean over the columns, so N never appears."""
# fails: none
# %% J_W3
def chain(x, y):
    """Activations a0, a1, a2 and the per-sample errors delta1, delta2, delta3 (columns)."""
    a0, z1, a1, z2, a2, z3, a3 = network_function(x)
    delta3 = 2 * (a3 - y) * d_sigma(z3)
    delta2 = W3.T @ delta3 * d_sigma(z2)
    delta1 = W2.T @ delta2 * d_sigma(z1)
    return (a0, a1, a2), (delta1, delta2, delta3)


def weight_gradient(delta, a):
    return (delta[:, None, :] * a[None, :, :]).mean(axis=2)


def J_W3(x, y):
    (a0, a1, a2), (d1, d2, d3) = chain(x, y)
    return weight_gradient(d3, a2)
# %% J_b3
def J_b3(x, y):
    d3 = chain(x, y)[1][2]
    return d3.mean(axis=1, keepdims=True)
# %% J_W2
def J_W2(x, y):
    (a0, a1, a2), (d1, d2, d3) = chain(x, y)
    return weight_gradient(d2, a1)
# %% J_b2
def J_b2(x, y):
    return chain(x, y)[1][1].mean(axis=1).reshape(b2.shape)
# %% J_W1
def J_W1(x, y):
    (a0, a1, a2), (d1, d2, d3) = chain(x, y)
    return weight_gradient(d1, a0)
# %% J_b1
def J_b1(x, y):
    return np.mean(chain(x, y)[1][0], axis=1, keepdims=True)
