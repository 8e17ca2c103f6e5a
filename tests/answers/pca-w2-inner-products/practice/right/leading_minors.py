"""Sylvester's criterion: symmetric and every leading principal minor positive; lengths with
einsum; the angle from arctan2 of the sine and cosine parts."""
# fails: none
# %% is_inner_product
def is_inner_product(A):
    A = np.array(A, dtype=float)
    if np.max(np.abs(A - A.T)) > 1e-12:
        return False
    return all(np.linalg.det(A[:k, :k]) > 1e-10 for k in range(1, len(A) + 1))
# %% inner_length
def inner_length(x, A):
    return np.sqrt(np.einsum("i,ij,j->", x, A, x))
# %% inner_angle
def inner_angle(x, y, A):
    xy, xx, yy = x @ A @ y, x @ A @ x, y @ A @ y
    sine = np.sqrt(max(xx * yy - xy**2, 0.0))
    return float(np.arctan2(sine, xy))
