"""One sample at a time: a Python loop over the columns accumulates per-sample gradients, with
sigma'(z) written as a * (1 - a) and the cost's derivative taken column by column."""
# fails: none
# %% J_W3
def per_sample(x, y):
    """Yield, for each sample, a dict of its activations and errors, all (n, 1) columns."""
    for i in range(x.shape[1]):
        a0, z1, a1, z2, a2, z3, a3 = network_function(x[:, i:i + 1])
        d3 = 2 * (a3 - y[:, i:i + 1]) * a3 * (1 - a3)
        d2 = (W3.T @ d3) * a2 * (1 - a2)
        d1 = (W2.T @ d2) * a1 * (1 - a1)
        yield {"a0": a0, "a1": a1, "a2": a2, "d1": d1, "d2": d2, "d3": d3}


def J_W3(x, y):
    total = np.zeros(W3.shape)
    for s in per_sample(x, y):
        total += s["d3"] @ s["a2"].T
    return total / x.size
# %% J_b3
def J_b3(x, y):
    total = np.zeros(b3.shape)
    for s in per_sample(x, y):
        total += s["d3"]
    return total / x.size
# %% J_W2
def J_W2(x, y):
    total = np.zeros_like(W2)
    for s in per_sample(x, y):
        total = total + np.outer(s["d2"], s["a1"])
    return total / x.size
# %% J_b2
def J_b2(x, y):
    terms = [s["d2"] for s in per_sample(x, y)]
    return sum(terms) / len(terms)
# %% J_W1
def J_W1(x, y):
    total = 0
    for s in per_sample(x, y):
        total = total + s["d1"] * s["a0"][0, 0]
    return total / x.size
# %% J_b1
def J_b1(x, y):
    total = np.zeros((W1.shape[0], 1))
    count = 0
    for s in per_sample(x, y):
        total += s["d1"]
        count += 1
    return total / count
