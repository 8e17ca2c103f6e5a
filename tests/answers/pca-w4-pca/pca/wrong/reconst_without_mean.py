"""PCA returns the projection of the centred data and forgets to add the mean back."""
# fails: test_PCA_visible, test_PCA_hidden
# %% PCA
def PCA(X, num_components):
    N, D = X.shape
    Xbar, mean = normalize(X)
    eig_vals, eig_vecs = eig(Xbar.T @ Xbar / N)
    B = eig_vecs[:, :num_components]
    reconst = Xbar @ projection_matrix(B)
    return reconst, mean, eig_vals[:num_components], B
