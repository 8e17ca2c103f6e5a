"""np.linalg.norm and np.dot; column sums for the orthogonal coordinates; lstsq for the
coordinates; the rank (with NumPy's own tolerance) for the dependence, coefficients as a column."""
# fails: none
# %% modulus
def modulus(r):
    return np.linalg.norm(r)

# %% cosine
def cosine(r, s):
    return np.dot(r, s) / np.linalg.norm(r) / np.linalg.norm(s)

# %% scalar_projection
def scalar_projection(r, s):
    return np.dot(r, s / np.linalg.norm(s))

# %% vector_projection
def vector_projection(r, s):
    unit = s / np.linalg.norm(s)
    return np.dot(r, unit) * unit

# %% coordinates_orthogonal
def coordinates_orthogonal(r, B):
    return (B.T @ r) / np.sum(B * B, axis=0)

# %% coordinates
def coordinates(r, B):
    return np.linalg.lstsq(B, r, rcond=None)[0]

# %% find_dependence
def find_dependence(V):
    for j in range(V.shape[1]):
        if np.linalg.matrix_rank(V[:, :j + 1]) <= j:
            c = np.linalg.lstsq(V[:, :j], V[:, j:j + 1], rcond=None)[0]
            return j, c
    return None
