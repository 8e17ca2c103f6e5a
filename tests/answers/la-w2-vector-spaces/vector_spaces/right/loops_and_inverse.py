"""Loops and math.sqrt; the inverse matrix for the coordinates; Gram-Schmidt residuals for the
dependence, with coefficients from the normal equations."""
# fails: none
# %% modulus
import math

def modulus(r):
    return math.sqrt(sum(x * x for x in r))

# %% cosine
def cosine(r, s):
    dot = sum(a * b for a, b in zip(r, s, strict=True))
    return dot / (modulus(r) * modulus(s))

# %% scalar_projection
def scalar_projection(r, s):
    return sum(a * b for a, b in zip(r, s, strict=True)) / modulus(s)

# %% vector_projection
def vector_projection(r, s):
    return scalar_projection(r, s) / modulus(s) * s

# %% coordinates_orthogonal
def coordinates_orthogonal(r, B):
    c = np.zeros(B.shape[1])
    for i in range(B.shape[1]):
        b = B[:, i]
        c[i] = sum(x * y for x, y in zip(r, b, strict=True)) / sum(y * y for y in b)
    return c

# %% coordinates
def coordinates(r, B):
    return np.linalg.inv(B) @ r

# %% find_dependence
def find_dependence(V):
    basis = []
    for j in range(V.shape[1]):
        v = V[:, j]
        leftover = v.copy()
        for q in basis:
            leftover = leftover - (leftover @ q) * q
        if np.linalg.norm(leftover) <= 1e-9 * np.linalg.norm(v):
            earlier = V[:, :j]
            return j, np.linalg.solve(earlier.T @ earlier, earlier.T @ v) if j else np.array([])
        basis.append(leftover / np.linalg.norm(leftover))
    return None
