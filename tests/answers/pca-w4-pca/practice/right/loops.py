"""Loops over points and basis vectors, dot products one at a time, lists returned."""
# fails: none
# %% reconstruction_error
def reconstruction_error(X, X_tilde):
    total = 0.0
    for x, x_tilde in zip(X, X_tilde, strict=True):
        total += np.dot(x - x_tilde, x - x_tilde)
    return total / len(X)
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
