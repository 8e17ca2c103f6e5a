"""project_general returns the coordinates lambda = (B^T B)^-1 B^T x instead of B lambda."""
# fails: test_project_general_visible, test_project_general_hidden
# %% project_general
def project_general(x, B):
    x = np.asarray(x, dtype=float)
    B = np.asarray(B, dtype=float)
    return np.linalg.solve(B.T @ B, B.T @ x)
