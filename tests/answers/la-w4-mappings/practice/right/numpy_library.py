"""np.einsum (which raises ValueError itself on mismatched sizes); np.hstack for the projection;
np.linalg.solve instead of an inverse; np.allclose on A A^T."""
# fails: none
# %% einstein_product
def einstein_product(A, B):
    return np.einsum("ij,jk->ik", A, B)

# %% shadow_matrix
def shadow_matrix(s):
    return np.hstack([np.eye(2), -s[:2, None] / s[2]])

# %% transform_in_basis
def transform_in_basis(T_B, B):
    return np.linalg.solve(B.T, (B @ T_B).T).T

# %% is_orthogonal
def is_orthogonal(A):
    return np.allclose(A @ A.T, np.eye(A.shape[0]), rtol=0, atol=1e-10)
