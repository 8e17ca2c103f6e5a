"""scipy.spatial.distance for distances, the angle as arctan2 of the sine and cosine parts
(no arccos at all), the A-angle from A-lengths, KNN reusing pairwise_distance_matrix with an
np.unique vote, and the nearest image among digits[1:]."""
# fails: none
# %% distance
from scipy.spatial import distance as scipy_distance


def distance(x0, x1):
    return scipy_distance.euclidean(x0, x1)
# %% angle
def angle(x0, x1):
    x0, x1 = np.asarray(x0, float), np.asarray(x1, float)
    dot = np.dot(x0, x1)
    sine_part = np.sqrt(max(np.dot(x0, x0) * np.dot(x1, x1) - dot ** 2, 0.0))
    return np.arctan2(sine_part, dot)
# %% inner_product_angle
def inner_product_angle(x0, x1, A):
    x0, x1 = np.asarray(x0, float), np.asarray(x1, float)
    dot = x0 @ A @ x1
    sine_part = np.sqrt(max((x0 @ A @ x0) * (x1 @ A @ x1) - dot ** 2, 0.0))
    return np.arctan2(sine_part, dot)
# %% pairwise_distance_matrix
from scipy.spatial.distance import cdist


def pairwise_distance_matrix(X, Y):
    return cdist(X, Y)
# %% KNN
def KNN(k, X, y, x):
    distances = pairwise_distance_matrix(X, x.reshape(1, -1))[:, 0]
    nearest = np.argsort(distances, kind="stable")[:k]
    values, counts = np.unique(y[nearest], return_counts=True)
    return values[np.argmax(counts)]
# %% most_similar_image
def most_similar_image():
    return int(np.argmin(np.linalg.norm(digits[1:] - digits[0], axis=1))) + 1
