"""Loops over entries; elimination by hand with row swaps; nested loops over the grid."""
# fails: none
# %% linear_combination
def linear_combination(weights, V):
    n, k = V.shape
    out = [0.0] * n
    for i in range(n):
        for j in range(k):
            out[i] += weights[j] * V[i, j]
    return out

# %% prices
def prices(baskets, totals):
    M = np.column_stack([baskets, totals]).astype(float)
    n = len(M)
    for k in range(n):
        p = max(range(k, n), key=lambda r: abs(M[r, k]))
        M[[k, p]] = M[[p, k]]
        M[k] /= M[k, k]
        for r in range(n):
            if r != k:
                M[r] -= M[r, k] * M[k]
    return M[:, n]

# %% grid_search
def grid_search(cost, ms, cs):
    best, best_cost = None, np.inf
    for c in cs:
        for m in ms:
            value = cost(m, c)
            if value < best_cost:
                best, best_cost = (m, c), value
    return best
