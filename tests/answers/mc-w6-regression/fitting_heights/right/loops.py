"""Scalar maths in Python loops: dfdmu and dfdsig through np.vectorize and math.exp, and
steepest_step sums over the bins one at a time."""
# fails: none
# %% dfdmu
import math


def _dfdmu_scalar(x, mu, sig):
    density = math.exp(-((x - mu) ** 2) / (2 * sig * sig)) / (sig * math.sqrt(2 * math.pi))
    return density * (x - mu) / (sig * sig)


dfdmu = np.vectorize(_dfdmu_scalar, otypes=[float])
# %% dfdsig
def _dfdsig_scalar(x, mu, sig):
    density = math.exp(-((x - mu) ** 2) / (2 * sig * sig)) / (sig * math.sqrt(2 * math.pi))
    return density * ((x - mu) ** 2 - sig * sig) / sig**3


dfdsig = np.vectorize(_dfdsig_scalar, otypes=[float])
# %% steepest_step
def steepest_step(x, y, mu, sig, aggression):
    grad_mu = 0.0
    grad_sig = 0.0
    for xi, yi in zip(x, y, strict=True):
        residual = yi - f(xi, mu, sig)
        grad_mu += -2 * residual * dfdmu(xi, mu, sig)
        grad_sig += -2 * residual * dfdsig(xi, mu, sig)
    return np.array([-aggression * grad_mu, -aggression * grad_sig])
