"""Removes the projections twice ("twice is enough") through a helper, builds the result from
a list of columns with np.column_stack, and writes gsBasis4 with the same helper."""
# fails: none
# %% gsBasis4
def _straighten(v, finished):
    v = np.array(v, dtype=float)
    for _ in range(2):
        for b in finished:
            v = v - np.dot(v, b) * b
    length = np.linalg.norm(v)
    return v / length if length > verySmallNumber else np.zeros_like(v)


def gsBasis4(A):
    c0 = _straighten(A[:, 0], [])
    c1 = _straighten(A[:, 1], [c0])
    c2 = _straighten(A[:, 2], [c0, c1])
    c3 = _straighten(A[:, 3], [c0, c1, c2])
    return np.column_stack([c0, c1, c2, c3])
# %% gsBasis
def gsBasis(A):
    columns = []
    for k in range(A.shape[1]):
        columns.append(_straighten(A[:, k], columns))
    return np.column_stack(columns)
