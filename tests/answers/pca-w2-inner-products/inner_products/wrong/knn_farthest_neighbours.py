"""KNN takes the last k indices of the ascending argsort: the k farthest points vote."""
# fails: test_KNN_visible, test_KNN_hidden
# %% KNN
def KNN(k, X, y, x):
    distances = np.linalg.norm(X - x, axis=1)
    farthest = np.argsort(distances)[-k:]
    return int(np.bincount(y[farthest]).argmax())
