"""einsum for the composition; Gauss-Jordan with a tolerance on the pivot for the solve and the
inverse; a 2x2 formula with a cofactor loop for the determinant; np.sign for the orientation."""
# fails: none
# %% compose
def compose(first, second):
    return np.einsum("ik,kj->ij", second, first)

# %% back_substitute
def back_substitute(U, c):
    x = np.array(c, dtype=float)
    for i in range(len(x) - 1, -1, -1):
        x[i] -= np.dot(U[i, i + 1:], x[i + 1:])
        x[i] /= U[i, i]
    return x

# %% solve_by_elimination
def gauss_jordan(M):
    M = np.array(M, dtype=float)
    n = len(M)
    for k in range(n):
        rows = [i for i in range(k, n) if abs(M[i, k]) > 1e-12]
        M[[k, rows[0]]] = M[[rows[0], k]]
        M[k] = M[k] / M[k, k]
        for i in range(n):
            if i != k:
                M[i] = M[i] - M[i, k] * M[k]
    return M

def solve_by_elimination(A, b):
    return gauss_jordan(np.column_stack([A, b]))[:, -1]

# %% inverse_by_elimination
def inverse_by_elimination(A):
    n = len(A)
    return gauss_jordan(np.hstack([A, np.identity(n)]))[:, n:]

# %% determinant
def determinant(A):
    A = np.asarray(A, dtype=float)
    n = A.shape[0]
    if n == 1:
        return A[0, 0]
    if n == 2:
        return A[0, 0] * A[1, 1] - A[0, 1] * A[1, 0]
    total = 0.0
    for j in range(n):
        minor = np.delete(np.delete(A, 0, axis=0), j, axis=1)
        total += (-1) ** j * A[0, j] * determinant(minor)
    return total

# %% image_area
def image_area(A, area):
    return area * abs(determinant(A))

# %% flips_orientation
def flips_orientation(A):
    return np.sign(determinant(A)) == -1
