"""einsum for the dot products; an outer product for the vector projection; solve for the
coordinates; a QR factorisation for the dependence, returning NumPy integers."""
# fails: none
# %% modulus
def modulus(r):
    return np.sqrt(np.einsum("i,i->", r, r))

# %% cosine
def cosine(r, s):
    return np.einsum("i,i->", r, s) / np.sqrt(np.einsum("i,i->", r, r) * np.einsum("i,i->", s, s))

# %% scalar_projection
def scalar_projection(r, s):
    return modulus(r) * cosine(r, s)

# %% vector_projection
def vector_projection(r, s):
    return np.outer(s, s) @ r / (s @ s)

# %% coordinates_orthogonal
def coordinates_orthogonal(r, B):
    D = np.diag(1 / np.einsum("ij,ij->j", B, B))
    return D @ B.T @ r

# %% coordinates
def coordinates(r, B):
    return np.linalg.solve(B, r)

# %% find_dependence
def find_dependence(V):
    for j in np.arange(V.shape[1]):
        v = V[:, j]
        if j == 0:
            if not v.any():
                return j, np.zeros(0)
            continue
        Q, R = np.linalg.qr(V[:, :j])
        leftover = v - Q @ (Q.T @ v)
        if np.linalg.norm(leftover) <= 1e-9 * np.linalg.norm(v):
            return j, np.linalg.solve(R, Q.T @ v)
    return None
