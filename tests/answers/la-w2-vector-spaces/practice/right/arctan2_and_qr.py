"""The angle from arctan2 of the cross and dot parts (no clipping needed); einsum; QR pivots."""
# fails: none
# %% angle_degrees
def angle_degrees(r, s):
    dot = r @ s
    cross = np.sqrt(max((r @ r) * (s @ s) - dot * dot, 0.0))
    return np.degrees(np.arctan2(cross, dot))

# %% change_basis
def change_basis(r, B):
    return np.einsum("ij,i->j", B, r) / np.einsum("ij,ij->j", B, B)

# %% is_basis
def is_basis(V):
    n, k = V.shape
    if n != k:
        return False
    R = np.linalg.qr(V, mode="r")
    return bool(np.min(np.abs(np.diag(R))) > 1e-9 * np.max(np.abs(R)))
