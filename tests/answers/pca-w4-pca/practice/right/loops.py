"""Loops over points and basis vectors, dot products one at a time, lists returned (the
gradient as a list of lists)."""
# fails: none
# %% reconstruction_error
def reconstruction_error(X, X_tilde):
    total = 0.0
    for x, x_tilde in zip(X, X_tilde, strict=True):
        total += np.dot(x - x_tilde, x - x_tilde)
    return total / len(X)
# %% error_gradient
def error_gradient(X, B, Z):
    N, M = len(X), B.shape[1]
    gradient = [[0.0] * M for _ in range(N)]
    for n in range(N):
        residual = X[n] - sum(Z[n][j] * B[:, j] for j in range(M))
        for i in range(M):
            gradient[n][i] = -2.0 * np.dot(residual, B[:, i]) / N
    return gradient
# %% optimal_coordinates
def optimal_coordinates(X, B):
    return [[np.dot(B[:, i], x) for i in range(B.shape[1])] for x in X]
# %% variance_left_out
def variance_left_out(S, B):
    kept = sum(B[:, j] @ S @ B[:, j] for j in range(B.shape[1]))
    return sum(S[i, i] for i in range(S.shape[0])) - kept
# %% lagrangian_gradient
def lagrangian_gradient(S, b, lam):
    grad = [2 * (S[i] @ b) - 2 * lam * b[i] for i in range(len(b))]
    return grad + [1 - sum(v * v for v in b)]
