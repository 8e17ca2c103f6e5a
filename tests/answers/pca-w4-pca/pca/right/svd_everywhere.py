"""SVD-based PCA (signs may differ from eigh's), np.linalg.svd of the N x N matrix, pinv."""
# fails: none
# %% eig
def eig(S):
    eigvals, eigvecs = np.linalg.eigh(S)
    return eigvals[::-1], eigvecs[:, ::-1]
# %% projection_matrix
def projection_matrix(B):
    return B @ np.linalg.pinv(B)
# %% PCA
def PCA(X, num_components):
    N = X.shape[0]
    Xbar, mean = normalize(X)
    _, sigma, Vt = np.linalg.svd(Xbar, full_matrices=False)
    vals = sigma ** 2 / N
    components = -Vt[:num_components].T
    reconst = mean + Xbar @ components @ components.T
    return reconst, mean, vals[:num_components], components
# %% PCA_high_dim
def PCA_high_dim(X, num_components):
    N = X.shape[0]
    Xbar, mean = normalize(X)
    U, sigma, _ = np.linalg.svd(Xbar @ Xbar.T / N)
    U, vals = U[:, :num_components], sigma[:num_components]
    components = Xbar.T @ U / np.sqrt(N * vals)
    reconst = mean + Xbar @ components @ components.T
    return reconst, mean, vals, components
