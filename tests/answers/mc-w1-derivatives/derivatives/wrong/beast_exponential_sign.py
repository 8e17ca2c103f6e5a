"""d_beast differentiates exp(-7x) as 7 exp(-7x), losing the minus sign of the inner derivative."""
# fails: test_d_beast_visible, test_d_beast_hidden
# %% d_beast
def d_beast(x):
    inner = 2 * x**5 + 3 * x
    return ((10 * x**4 + 3) * np.cos(inner) + 7 * np.sin(inner)) * np.exp(-7 * x)
