"""An orthonormal basis of the same subspace from QR, then Q Q^T; projection as Q (Q^T x);
the properties with np.linalg.norm of the differences."""
# fails: none
# %% projection_matrix
def projection_matrix(B):
    Q, _ = np.linalg.qr(B)
    return Q @ Q.T
# %% project
def project(x, B):
    Q, _ = np.linalg.qr(B)
    return Q @ (Q.T @ x)
# %% is_orthogonal_projection
def is_orthogonal_projection(P):
    return np.linalg.norm(P @ P - P) < 1e-8 and np.linalg.norm(P - P.T) < 1e-8
