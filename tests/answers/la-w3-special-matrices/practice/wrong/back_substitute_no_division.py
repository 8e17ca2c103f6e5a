"""Forgets to divide by the diagonal entry of each row."""
# fails: test_back_substitute_visible, test_back_substitute_hidden
# %% back_substitute
def back_substitute(U, c):
    n = len(c)
    x = np.zeros(n)
    for i in range(n - 1, -1, -1):
        x[i] = c[i] - U[i, i + 1:] @ x[i + 1:]
    return x
