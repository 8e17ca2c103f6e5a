"""The original course's PCA: returns only the reconstruction."""
# fails: test_PCA_visible, test_PCA_hidden
# message: the original course returned only the reconstruction
# %% PCA
def PCA(X, num_components):
    N, D = X.shape
    Xbar, mean = normalize(X)
    S = np.cov(Xbar, rowvar=False, bias=True)
    eig_vals, eig_vecs = eig(S)
    B = eig_vecs[:, :num_components]
    P = projection_matrix(B)
    return (P @ Xbar.T).T + mean
