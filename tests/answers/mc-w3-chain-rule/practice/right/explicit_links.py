"""Each link of the chain computed and named separately; loops over the weights; a list returned."""
# fails: none
# %% total_derivative
def total_derivative(a, b, t):
    x = np.cos(a * t)
    y = np.exp(b * t)
    df_dx, df_dy = 2 * x * y, x * x
    dx_dt, dy_dt = -a * np.sin(a * t), b * np.exp(b * t)
    return df_dx * dx_dt + df_dy * dy_dt
# %% neuron
import math


def neuron(w, b, x):
    z = b
    for wi, xi in zip(w, x, strict=True):
        z += wi * xi
    return 1 / (1 + math.exp(-z))
# %% neuron_gradient
def neuron_gradient(w, b, x, y):
    a = neuron(w, b, x)
    dC_da = 2 * (a - y)
    da_dz = a * (1 - a)
    return [dC_da * da_dz * xi for xi in x] + [dC_da * da_dz]
