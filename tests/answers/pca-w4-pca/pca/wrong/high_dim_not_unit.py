"""PCA_high_dim returns Xbar^T u without dividing by its norm sqrt(N lambda)."""
# fails: test_PCA_high_dim_visible, test_PCA_high_dim_hidden
# %% PCA_high_dim
def PCA_high_dim(X, num_components):
    N, D = X.shape
    Xbar, mean = normalize(X)
    eig_vals, eig_vecs = eig(Xbar @ Xbar.T / N)
    B = Xbar.T @ eig_vecs[:, :num_components]
    reconst = Xbar @ projection_matrix(B) + mean
    return reconst, mean, eig_vals[:num_components], B
