"""Explicit loops everywhere; solutions as (n, 1) columns; swaps with the first non-zero row below;
the inverse column by column; the determinant from the pivots with a sign per swap."""
# fails: none
# %% compose
def compose(first, second):
    n = len(first)
    M = np.zeros((n, n))
    for i in range(n):
        for j in range(n):
            for k in range(n):
                M[i, j] += second[i, k] * first[k, j]
    return M

# %% back_substitute
def back_substitute(U, c):
    n = len(c)
    x = np.zeros((n, 1))
    for i in reversed(range(n)):
        total = c[i]
        for j in range(i + 1, n):
            total -= U[i, j] * x[j, 0]
        x[i, 0] = total / U[i, i]
    return x

# %% solve_by_elimination
def solve_by_elimination(A, b):
    A = [list(map(float, row)) for row in A]
    b = [float(v) for v in b]
    n = len(b)
    for k in range(n):
        if A[k][k] == 0:
            swap = next(i for i in range(k + 1, n) if A[i][k] != 0)
            A[k], A[swap] = A[swap], A[k]
            b[k], b[swap] = b[swap], b[k]
        for i in range(k + 1, n):
            factor = A[i][k] / A[k][k]
            A[i] = [a - factor * p for a, p in zip(A[i], A[k], strict=True)]
            b[i] -= factor * b[k]
    return back_substitute(np.array(A), np.array(b))

# %% inverse_by_elimination
def inverse_by_elimination(A):
    n = len(A)
    return np.column_stack([solve_by_elimination(A, np.eye(n)[:, j]).ravel() for j in range(n)])

# %% determinant
def determinant(A):
    M = np.array(A, dtype=float)
    n = len(M)
    sign = 1.0
    for k in range(n):
        nonzero = [i for i in range(k, n) if M[i, k] != 0]
        if not nonzero:
            return 0.0
        if nonzero[0] != k:
            M[[k, nonzero[0]]] = M[[nonzero[0], k]]
            sign = -sign
        for i in range(k + 1, n):
            M[i] -= M[i, k] / M[k, k] * M[k]
    return sign * np.prod(np.diag(M))

# %% image_area
def image_area(A, area):
    return float(abs(determinant(A)) * area)

# %% flips_orientation
def flips_orientation(A):
    return bool(determinant(A) < 0)
