"""np.einsum; least squares (exact for an invertible matrix); np.meshgrid with a vectorised cost."""
# fails: none
# %% linear_combination
def linear_combination(weights, V):
    return np.einsum("ij,j->i", V, weights)

# %% prices
def prices(baskets, totals):
    return np.linalg.lstsq(baskets, totals, rcond=None)[0]

# %% grid_search
def grid_search(cost, ms, cs):
    M, C = np.meshgrid(ms, cs, indexing="ij")
    Z = np.vectorize(cost)(M, C)
    k = Z.argmin()
    return M.flat[k], C.flat[k]
