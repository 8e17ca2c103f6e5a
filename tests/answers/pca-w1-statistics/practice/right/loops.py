"""Python loops over the points for every statistic; a tuple for the transformed statistics."""
# fails: none
# %% variance_1d
def variance_1d(x):
    mean = sum(x) / len(x)
    return sum((v - mean) ** 2 for v in x) / len(x)
# %% shifted_scaled_stats
def shifted_scaled_stats(mean, var, a, b):
    return (a * mean + b, a * a * var)
# %% covariance_2d
def covariance_2d(X):
    n = len(X)
    m0 = sum(row[0] for row in X) / n
    m1 = sum(row[1] for row in X) / n
    S = [[0.0, 0.0], [0.0, 0.0]]
    for row in X:
        d = (row[0] - m0, row[1] - m1)
        for i in range(2):
            for j in range(2):
                S[i][j] += d[i] * d[j] / n
    return S
