"""neuron forgets to add the bias before the logistic function."""
# fails: test_neuron_visible, test_neuron_hidden
# %% neuron
def neuron(w, b, x):
    return float(1 / (1 + np.exp(-np.dot(w, x))))
