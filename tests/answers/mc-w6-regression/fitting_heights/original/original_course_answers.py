"""The original course's answers as they were written there (spaces before the parentheses
included)."""
# fails: none
# %% dfdmu
def dfdmu (x,mu,sig) :
    return f(x, mu, sig) * (x - mu) / sig**2
# %% dfdsig
def dfdsig (x,mu,sig) :
    return f(x, mu, sig) * (-1 / sig + (x - mu)**2 / sig**3)
# %% steepest_step
def steepest_step (x, y, mu, sig, aggression) :
    J = np.array([
        -2*(y - f(x,mu,sig)) @ dfdmu(x,mu,sig),
        -2*(y - f(x,mu,sig)) @ dfdsig(x,mu,sig)
    ])
    step = -J * aggression
    return step
