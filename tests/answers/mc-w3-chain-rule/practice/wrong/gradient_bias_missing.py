"""neuron_gradient returns only dC/dw, without the bias entry."""
# fails: test_neuron_gradient_visible, test_neuron_gradient_hidden
# %% neuron_gradient
def neuron_gradient(w, b, x, y):
    a = 1 / (1 + np.exp(-(np.dot(w, x) + b)))
    return 2 * (a - y) * a * (1 - a) * np.asarray(x, dtype=float)
