"""Loops and math; projections one by one; the smallest singular value against the largest."""
# fails: none
# %% angle_degrees
import math

def angle_degrees(r, s):
    dot = sum(a * b for a, b in zip(r, s, strict=True))
    size = math.sqrt(sum(a * a for a in r)) * math.sqrt(sum(b * b for b in s))
    return math.degrees(math.acos(max(-1.0, min(1.0, dot / size))))

# %% change_basis
def change_basis(r, B):
    return [float(r @ B[:, i] / (B[:, i] @ B[:, i])) for i in range(B.shape[1])]

# %% is_basis
def is_basis(V):
    if V.shape[0] != V.shape[1]:
        return False
    singular = np.linalg.svd(V, compute_uv=False)
    return bool(singular[-1] > 1e-10 * singular[0])
