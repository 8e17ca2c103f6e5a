"""The pseudo-inverse for the matrix, np.linalg.lstsq for the coordinates; the properties with
np.isclose(...).all()."""
# fails: none
# %% projection_matrix
def projection_matrix(B):
    return B @ np.linalg.pinv(B)
# %% project
def project(x, B):
    coordinates = np.linalg.lstsq(B, x, rcond=None)[0]
    return B @ coordinates
# %% is_orthogonal_projection
def is_orthogonal_projection(P):
    return np.isclose(P @ P, P, atol=1e-9).all() and np.isclose(P.T, P, atol=1e-9).all()
