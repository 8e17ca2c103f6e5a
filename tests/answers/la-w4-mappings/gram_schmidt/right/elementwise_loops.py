"""Plain Python loops over the entries, math.sqrt for lengths, and a strict `<` threshold test
(zero when the length is below verySmallNumber)."""
# fails: none
# %% gsBasis4
import math


def gsBasis4(A):
    n = len(A)
    B = np.zeros((n, 4))
    for r in range(n):
        for c in range(4):
            B[r, c] = float(A[r][c])

    def dot(i, j):
        return sum(B[r, i] * B[r, j] for r in range(n))

    def remove(k, i):
        coefficient = dot(k, i)
        for r in range(n):
            B[r, k] -= coefficient * B[r, i]

    def finish(k):
        length = math.sqrt(dot(k, k))
        for r in range(n):
            B[r, k] = 0.0 if length < verySmallNumber else B[r, k] / length

    finish(0)
    remove(1, 0)
    finish(1)
    remove(2, 0)
    remove(2, 1)
    finish(2)
    remove(3, 0)
    remove(3, 1)
    remove(3, 2)
    finish(3)
    return B
# %% gsBasis
import math


def gsBasis(A):
    n, m = A.shape
    B = np.zeros((n, m))
    for r in range(n):
        for c in range(m):
            B[r, c] = float(A[r, c])
    for k in range(m):
        for i in range(k):
            coefficient = sum(B[r, k] * B[r, i] for r in range(n))
            for r in range(n):
                B[r, k] -= coefficient * B[r, i]
        length = math.sqrt(sum(B[r, k] ** 2 for r in range(n)))
        for r in range(n):
            B[r, k] = 0.0 if length < verySmallNumber else B[r, k] / length
    return B
