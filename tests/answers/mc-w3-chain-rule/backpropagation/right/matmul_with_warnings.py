"""Matrix products with np.matmul and np.dot, sigma' from the activations, and a harmless
warning printed on stderr by every call (a warning must never cost marks)."""
# fails: none
# %% J_W3
import warnings


def J_W3(x, y):
    warnings.warn("computing J_W3", stacklevel=2)
    a0, z1, a1, z2, a2, z3, a3 = network_function(x)
    N = x.shape[-1]
    return np.matmul(2.0 / N * (a3 - y) * a3 * (1 - a3), np.transpose(a2))
# %% J_b3
def J_b3(x, y):
    a0, z1, a1, z2, a2, z3, a3 = network_function(x)
    ones = np.ones((x.size, 1))
    return np.dot(2 * (a3 - y) * a3 * (1 - a3), ones) / x.size
# %% J_W2
def J_W2(x, y):
    a0, z1, a1, z2, a2, z3, a3 = network_function(x)
    upstream = np.dot(W3.T, 2 * (a3 - y) * a3 * (1 - a3))
    return np.matmul(upstream * a2 * (1 - a2), a1.T) / x.size
# %% J_b2
def J_b2(x, y):
    a0, z1, a1, z2, a2, z3, a3 = network_function(x)
    upstream = np.dot(W3.T, 2 * (a3 - y) * a3 * (1 - a3))
    return (upstream * a2 * (1 - a2)) @ np.ones((x.size, 1)) / x.size
# %% J_W1
def J_W1(x, y):
    a0, z1, a1, z2, a2, z3, a3 = network_function(x)
    upstream = np.dot(W3.T, 2 * (a3 - y) * a3 * (1 - a3))
    upstream = np.dot(W2.T, upstream * a2 * (1 - a2))
    return np.matmul(upstream * a1 * (1 - a1), x.T) / x.size
# %% J_b1
def J_b1(x, y):
    a0, z1, a1, z2, a2, z3, a3 = network_function(x)
    upstream = np.dot(W3.T, 2 * (a3 - y) * a3 * (1 - a3))
    upstream = np.dot(W2.T, upstream * a2 * (1 - a2))
    return np.sum(upstream * a1 * (1 - a1), axis=-1, keepdims=True) / x.size
