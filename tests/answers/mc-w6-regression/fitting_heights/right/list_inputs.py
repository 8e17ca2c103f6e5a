"""Accepts lists as well as arrays (np.asarray first), returns a plain Python list [d_mu, d_sig]
built with np.dot, and prints a warning on stderr."""
# fails: none
# %% dfdmu
def dfdmu(x, mu, sig):
    x = np.asarray(x, dtype=float)
    return (x - mu) / sig**2 * f(x, mu, sig)
# %% dfdsig
def dfdsig(x, mu, sig):
    x = np.asarray(x, dtype=float)
    return f(x, mu, sig) / sig * (((x - mu) / sig) ** 2 - 1)
# %% steepest_step
import sys


def steepest_step(x, y, mu, sig, aggression):
    print("taking a step", file=sys.stderr)
    x = np.asarray(x, dtype=float).reshape(-1)
    y = np.asarray(y, dtype=float).reshape(-1)
    residual = y - f(x, mu, sig)
    J = [-2 * np.dot(residual, dfdmu(x, mu, sig)), -2 * np.dot(residual, dfdsig(x, mu, sig))]
    return [-aggression * J[0], -aggression * J[1]]
