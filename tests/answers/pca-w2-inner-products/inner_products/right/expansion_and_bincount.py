"""np.linalg.norm everywhere; the angle from unit vectors; the A-inner product through a
Cholesky factor; the ||x||^2 + ||y||^2 - 2 x.y expansion clipped at zero; neighbours by
np.argpartition and a bincount vote; the nearest image from a row of the pairwise matrix."""
# fails: none
# %% distance
def distance(x0, x1):
    return np.linalg.norm(np.subtract(x0, x1, dtype=float))
# %% angle
def angle(x0, x1):
    u = x0 / np.linalg.norm(x0)
    v = x1 / np.linalg.norm(x1)
    return np.arccos(np.clip(u @ v, -1, 1))
# %% inner_product_angle
def inner_product_angle(x0, x1, A):
    L = np.linalg.cholesky(A)
    return angle(L.T @ x0, L.T @ x1)
# %% pairwise_distance_matrix
def pairwise_distance_matrix(X, Y):
    X = X.astype(float)
    Y = Y.astype(float)
    squared = (np.einsum("ij,ij->i", X, X)[:, None] + np.einsum("ij,ij->i", Y, Y)[None, :]
               - 2 * X @ Y.T)
    return np.sqrt(np.maximum(squared, 0.0))
# %% KNN
def KNN(k, X, y, x):
    distances = np.linalg.norm(X - x, axis=1)
    nearest = np.argpartition(distances, k - 1)[:k]
    return np.argmax(np.bincount(y[nearest]))
# %% most_similar_image
def most_similar_image():
    row = pairwise_distance_matrix(digits[:1], digits)[0]
    row[0] = row.max() + 1
    return int(row.argmin())
