"""project_1d returns (b^T x) b, as if b had unit length."""
# fails: test_project_1d_visible, test_project_1d_hidden
# %% project_1d
def project_1d(x, b):
    x = np.asarray(x, dtype=float)
    b = np.asarray(b, dtype=float).reshape(-1)
    return ((b @ x.reshape(-1)) * b).reshape(x.shape)
