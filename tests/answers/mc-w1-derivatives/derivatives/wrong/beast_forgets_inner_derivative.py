"""d_beast differentiates sin(2x^5 + 3x) as cos(2x^5 + 3x), forgetting the inner derivative."""
# fails: test_d_beast_visible, test_d_beast_hidden
# %% d_beast
def d_beast(x):
    inner = 2 * x**5 + 3 * x
    return (np.cos(inner) - 7 * np.sin(inner)) * np.exp(-7 * x)
