"""KNN always returns the label of the single nearest point, whatever k is."""
# fails: test_KNN_visible, test_KNN_hidden
# %% KNN
def KNN(k, X, y, x):
    distances = np.linalg.norm(X - x, axis=1)
    return int(y[np.argmin(distances)])
