"""Returns r . r, the squared length."""
# fails: test_modulus_visible, test_modulus_hidden
# %% modulus
def modulus(r):
    return float(r @ r)
