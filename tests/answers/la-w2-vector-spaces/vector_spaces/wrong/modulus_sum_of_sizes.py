"""Adds the sizes of the entries (the 'taxicab' length) instead of using Pythagoras."""
# fails: test_modulus_visible, test_modulus_hidden
# %% modulus
def modulus(r):
    return float(np.sum(np.abs(r)))
