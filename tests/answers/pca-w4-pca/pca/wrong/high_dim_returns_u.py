"""PCA_high_dim returns the eigenvectors u of the N x N matrix as the components (shape (N, k))."""
# fails: test_PCA_high_dim_visible, test_PCA_high_dim_hidden
# %% PCA_high_dim
def PCA_high_dim(X, num_components):
    N, D = X.shape
    Xbar, mean = normalize(X)
    eig_vals, eig_vecs = eig(Xbar @ Xbar.T / N)
    U = eig_vecs[:, :num_components]
    B = Xbar.T @ U
    reconst = Xbar @ projection_matrix(B) + mean
    return reconst, mean, eig_vals[:num_components], U
