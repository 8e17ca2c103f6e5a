"""Everything written out: the Gaussian computed inline (f is never called), the derivatives
as -d/dx of f and via the log-derivative, and np.sum instead of @."""
# fails: none
# %% dfdmu
def dfdmu(x, mu, sig):
    z = (x - mu) / sig
    return np.exp(-0.5 * z**2) / (sig * np.sqrt(2 * np.pi)) * z / sig
# %% dfdsig
def dfdsig(x, mu, sig):
    z = (x - mu) / sig
    density = np.exp(-0.5 * z**2) / (sig * np.sqrt(2 * np.pi))
    return density * (z**2 - 1) / sig
# %% steepest_step
def steepest_step(x, y, mu, sig, aggression):
    z = (x - mu) / sig
    density = np.exp(-0.5 * z**2) / (sig * np.sqrt(2 * np.pi))
    residual = y - density
    d_chi2_d_mu = np.sum(-2 * residual * density * z / sig)
    d_chi2_d_sig = np.sum(-2 * residual * density * (z**2 - 1) / sig)
    return -aggression * np.array([d_chi2_d_mu, d_chi2_d_sig])
