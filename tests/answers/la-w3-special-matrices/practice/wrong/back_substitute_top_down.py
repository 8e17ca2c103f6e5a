"""Solves from the top row down, as if U were lower triangular."""
# fails: test_back_substitute_visible, test_back_substitute_hidden
# %% back_substitute
def back_substitute(U, c):
    n = len(c)
    x = np.zeros(n)
    for i in range(n):
        x[i] = (c[i] - U[i, :i] @ x[:i]) / U[i, i]
    return x
