"""neuron_gradient skips the link da/dz = sigma'(z) of the chain."""
# fails: test_neuron_gradient_visible, test_neuron_gradient_hidden
# %% neuron_gradient
def neuron_gradient(w, b, x, y):
    a = 1 / (1 + np.exp(-(np.dot(w, x) + b)))
    return np.append(2 * (a - y) * np.asarray(x, dtype=float), 2 * (a - y))
