"""V @ weights; the inverse matrix; a cost surface with np.argmin and np.unravel_index."""
# fails: none
# %% linear_combination
def linear_combination(weights, V):
    return V @ weights

# %% prices
def prices(baskets, totals):
    return np.linalg.inv(baskets) @ totals

# %% grid_search
def grid_search(cost, ms, cs):
    Z = np.array([[cost(m, c) for m in ms] for c in cs])
    i, j = np.unravel_index(np.argmin(Z), Z.shape)
    return np.array([ms[j], cs[i]])
