"""project computes B B^T x, skipping the inverse of B^T B."""
# fails: test_project_visible, test_project_hidden
# %% project
def project(x, B):
    return B @ (B.T @ x)
