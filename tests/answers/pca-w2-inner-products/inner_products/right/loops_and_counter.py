"""Loops and the standard library: math.sqrt of a dot product, an angle from plain Python sums
clipped with min/max, the A-inner product as a double sum, two loops calling distance, the
nearest image by a running minimum, and a Counter vote that breaks ties towards the smallest
label."""
# fails: none
# %% distance
import math


def distance(x0, x1):
    difference = np.asarray(x0, dtype=float) - np.asarray(x1, dtype=float)
    return math.sqrt(np.dot(difference, difference))
# %% angle
def angle(x0, x1):
    dot = sum(float(a) * float(b) for a, b in zip(x0, x1, strict=True))
    norms = math.sqrt(sum(float(a) ** 2 for a in x0)) * math.sqrt(sum(float(b) ** 2 for b in x1))
    return math.acos(max(-1.0, min(1.0, dot / norms)))
# %% inner_product_angle
def inner_product_angle(x0, x1, A):
    D = len(x0)

    def inner(u, v):
        return sum(u[i] * A[i][j] * v[j] for i in range(D) for j in range(D))

    cosine = inner(x0, x1) / math.sqrt(inner(x0, x0) * inner(x1, x1))
    return math.acos(max(-1.0, min(1.0, cosine)))
# %% pairwise_distance_matrix
def pairwise_distance_matrix(X, Y):
    result = np.zeros((len(X), len(Y)))
    for i in range(len(X)):
        for j in range(len(Y)):
            result[i, j] = distance(X[i], Y[j])
    return result
# %% KNN
from collections import Counter


def KNN(k, X, y, x):
    distances = np.sqrt(((X - x) ** 2).sum(axis=1))
    order = sorted(range(len(X)), key=lambda n: distances[n])
    votes = Counter(int(y[n]) for n in order[:k])
    top = max(votes.values())
    return min(label for label, count in votes.items() if count == top)
# %% most_similar_image
def most_similar_image():
    best, best_distance = None, float("inf")
    for i in range(1, len(digits)):
        d = distance(digits[0], digits[i])
        if d < best_distance:
            best, best_distance = i, d
    return best
