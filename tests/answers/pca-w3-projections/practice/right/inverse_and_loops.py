"""np.linalg.inv of the Gram matrix; the projection through the projection matrix; an explicit
loop over entries for the two properties."""
# fails: none
# %% projection_matrix
def projection_matrix(B):
    return B @ np.linalg.inv(B.T @ B) @ B.T
# %% project
def project(x, B):
    return projection_matrix(B) @ x
# %% is_orthogonal_projection
def is_orthogonal_projection(P):
    n = len(P)
    PP = P @ P
    for i in range(n):
        for j in range(n):
            if abs(PP[i, j] - P[i, j]) > 1e-9 or abs(P[i, j] - P[j, i]) > 1e-9:
                return False
    return True
