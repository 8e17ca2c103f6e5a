"""project returns the coordinates lambda (shape (M,)) instead of the projected vector."""
# fails: test_project_visible, test_project_hidden
# %% project
def project(x, B):
    return np.linalg.solve(B.T @ B, B.T @ x)
