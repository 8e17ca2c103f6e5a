"""KNN votes with Counter.most_common(1), which on a tie returns the label met first (the one of
the nearer point), not the smallest label as the docstring asks."""
# fails: test_KNN_visible, test_KNN_hidden
# %% KNN
from collections import Counter


def KNN(k, X, y, x):
    nearest = np.argsort(np.linalg.norm(X - x, axis=1))[:k]
    return int(Counter(y[nearest]).most_common(1)[0][0])
