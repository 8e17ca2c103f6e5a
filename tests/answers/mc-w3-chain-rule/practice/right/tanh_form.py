"""The logistic function through tanh, sigma(z) = (1 + tanh(z/2)) / 2; the path derivative
simplified by hand; the gradient with np.concatenate and the derivative of tanh."""
# fails: none
# %% total_derivative
def total_derivative(a, b, t):
    return np.exp(b * t) * np.cos(a * t) * (b * np.cos(a * t) - 2 * a * np.sin(a * t))
# %% neuron
def neuron(w, b, x):
    return (1 + np.tanh((w @ x + b) / 2)) / 2
# %% neuron_gradient
def neuron_gradient(w, b, x, y):
    z = w @ x + b
    a = (1 + np.tanh(z / 2)) / 2
    sigma_prime = (1 - np.tanh(z / 2) ** 2) / 4
    delta = 2 * (a - y) * sigma_prime
    return np.concatenate([delta * x, [delta]])
