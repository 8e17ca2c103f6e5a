"""neuron_gradient evaluates sigma' at the activation a instead of at z: sigma(a)(1 - sigma(a))."""
# fails: test_neuron_gradient_visible, test_neuron_gradient_hidden
# %% neuron_gradient
def neuron_gradient(w, b, x, y):
    a = 1 / (1 + np.exp(-(np.dot(w, x) + b)))
    s = 1 / (1 + np.exp(-a))
    delta = 2 * (a - y) * s * (1 - s)
    return np.append(delta * np.asarray(x, dtype=float), delta)
