"""Explicit loops for the quadratic forms; eigenvalues from np.linalg.eig (complex-typed
results, real parts compared); the result as a numpy bool."""
# fails: none
# %% is_inner_product
def is_inner_product(A):
    n = len(A)
    symmetric = all(abs(A[i][j] - A[j][i]) < 1e-10 for i in range(n) for j in range(n))
    eigenvalues = np.linalg.eig(A)[0]
    return np.bool_(symmetric and np.all(np.real(eigenvalues) > 1e-10))
# %% inner_length
def _form(x, A, y):
    return sum(x[i] * A[i][j] * y[j] for i in range(len(x)) for j in range(len(y)))


def inner_length(x, A):
    return _form(x, A, x) ** 0.5
# %% inner_angle
import math


def inner_angle(x, y, A):
    cosine = _form(x, A, y) / (inner_length(x, A) * inner_length(y, A))
    return math.acos(max(-1.0, min(1.0, cosine)))
