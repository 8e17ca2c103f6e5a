"""np.linalg.norm and np.rad2deg; np.linalg.solve; the rank of a square matrix."""
# fails: none
# %% angle_degrees
def angle_degrees(r, s):
    c = np.dot(r, s) / np.linalg.norm(r) / np.linalg.norm(s)
    return np.rad2deg(np.arccos(min(1.0, max(-1.0, c))))

# %% change_basis
def change_basis(r, B):
    return np.linalg.solve(B, r)

# %% is_basis
def is_basis(V):
    return V.shape[0] == V.shape[1] and np.linalg.matrix_rank(V) == len(V)
