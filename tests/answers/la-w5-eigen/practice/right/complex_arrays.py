"""Works in complex arithmetic throughout and returns complex arrays with zero imaginary parts;
least squares for the multiple; the polynomial from the eigenvalues."""
# fails: none
# %% is_eigenvector
def is_eigenvector(A, v):
    w = A @ v
    lam = np.linalg.lstsq(v.reshape(-1, 1), w, rcond=None)[0][0]
    return np.linalg.norm(w - lam * v) <= 1e-9 * (np.linalg.norm(w) + np.linalg.norm(v))

# %% characteristic_polynomial
def characteristic_polynomial(A):
    return np.real(np.poly(np.linalg.eigvals(A).astype(complex)))

# %% diagonalise
def diagonalise(A):
    values, vectors = np.linalg.eig(A.astype(complex))
    return vectors, np.diag(values)

# %% power_via_eigenbasis
def power_via_eigenbasis(A, n):
    values, C = np.linalg.eig(A.astype(complex))
    return C @ np.diag(values ** n) @ np.linalg.inv(C)
