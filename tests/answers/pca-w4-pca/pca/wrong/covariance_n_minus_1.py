"""PCA divides the covariance by N - 1 instead of N, so the eigenvalues are too large."""
# fails: test_PCA_visible, test_PCA_hidden
# %% PCA
def PCA(X, num_components):
    N, D = X.shape
    Xbar, mean = normalize(X)
    S = Xbar.T @ Xbar / (N - 1)
    eig_vals, eig_vecs = eig(S)
    B = eig_vecs[:, :num_components]
    reconst = Xbar @ projection_matrix(B) + mean
    return reconst, mean, eig_vals[:num_components], B
