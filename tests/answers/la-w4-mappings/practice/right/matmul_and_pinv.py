"""@ with an explicit size check; the shadow from a formula with named ratios; the
pseudo-inverse; the norm of A^T A - I, returned as a NumPy bool."""
# fails: none
# %% einstein_product
def einstein_product(A, B):
    if A.shape[-1] != B.shape[0]:
        raise ValueError("cannot multiply: inner sizes differ")
    return A @ B

# %% shadow_matrix
def shadow_matrix(s):
    sx, sy, sz = s
    return np.array([[1, 0, -sx / sz], [0, 1, -sy / sz]], dtype=float)

# %% transform_in_basis
def transform_in_basis(T_B, B):
    return B.dot(T_B).dot(np.linalg.pinv(B))

# %% is_orthogonal
def is_orthogonal(A):
    return np.linalg.norm(A.T @ A - np.eye(len(A))) < 1e-9
