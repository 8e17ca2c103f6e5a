"""PCA calls np.cov(Xbar) without rowvar=False: rows are taken as variables (N x N matrix)."""
# fails: test_PCA_visible, test_PCA_hidden
# %% PCA
def PCA(X, num_components):
    Xbar, mean = normalize(X)
    S = np.cov(Xbar)
    eig_vals, eig_vecs = eig(S)
    B = eig_vecs[:, :num_components]
    reconst = Xbar @ projection_matrix(B) + mean
    return reconst, mean, eig_vals[:num_components], B
