"""Entry-by-entry loops for the line; np.linalg.lstsq for the subspace."""
# fails: none
# %% projection_matrix_1d
def projection_matrix_1d(b):
    entries = [float(v) for v in np.ravel(b)]
    norm2 = sum(v * v for v in entries)
    D = len(entries)
    P = np.zeros((D, D))
    for i in range(D):
        for j in range(D):
            P[i, j] = entries[i] * entries[j] / norm2
    return P
# %% project_1d
def project_1d(x, b):
    x = np.asarray(x, dtype=float)
    return (projection_matrix_1d(b) @ x.ravel()).reshape(x.shape)
# %% projection_matrix_general
def projection_matrix_general(B):
    B = np.asarray(B, dtype=float)
    return B @ np.linalg.lstsq(B, np.eye(B.shape[0]), rcond=None)[0]
# %% project_general
def project_general(x, B):
    x = np.asarray(x, dtype=float)
    B = np.asarray(B, dtype=float)
    coefficients = np.linalg.lstsq(B, x.reshape(-1), rcond=None)[0]
    return (B @ coefficients).reshape(x.shape)
