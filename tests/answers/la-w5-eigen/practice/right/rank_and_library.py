"""The rank of [v, A v] for the eigenvector test; np.poly; a list [C, D]; np.linalg.matrix_power."""
# fails: none
# %% is_eigenvector
def is_eigenvector(A, v):
    return bool(np.linalg.matrix_rank(np.column_stack([v, A @ v])) <= 1)

# %% characteristic_polynomial
def characteristic_polynomial(A):
    return np.poly(A)

# %% diagonalise
def diagonalise(A):
    values, vectors = np.linalg.eig(A)
    return [vectors, np.diag(values)]

# %% power_via_eigenbasis
def power_via_eigenbasis(A, n):
    return np.linalg.matrix_power(A, n)
