"""The bias folded into the weights by appending a constant input 1 (so dz/d(w, b) = (x, 1));
the path derivative as a Jacobian product with matmul."""
# fails: none
# %% total_derivative
def total_derivative(a, b, t):
    x, y = np.cos(a * t), np.exp(b * t)
    J_f = np.stack([2 * x * y, x**2], axis=-1)[..., None, :]
    J_path = np.stack([-a * np.sin(a * t), b * y], axis=-1)[..., :, None]
    return (J_f @ J_path)[..., 0, 0]
# %% neuron
def neuron(w, b, x):
    weights = np.append(w, b)
    inputs = np.append(x, 1.0)
    return 1.0 / (1.0 + np.exp(-weights @ inputs))
# %% neuron_gradient
def neuron_gradient(w, b, x, y):
    inputs = np.append(x, 1.0)
    a = neuron(w, b, x)
    return 2 * (a - y) * a * (1 - a) * inputs
