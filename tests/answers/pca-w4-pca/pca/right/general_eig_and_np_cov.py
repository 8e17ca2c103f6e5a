"""np.linalg.eig (real parts, argsort of -vals), np.cov(..., rowvar=False, bias=True), inv."""
# fails: none
# %% normalize
def normalize(X):
    X = np.asarray(X, dtype=float)
    mean = X.sum(axis=0) / X.shape[0]
    return X - mean[np.newaxis, :], mean
# %% eig
def eig(S):
    eigvals, eigvecs = np.linalg.eig(S)
    eigvals, eigvecs = eigvals.real, eigvecs.real
    order = np.argsort(-eigvals)
    return eigvals[order], eigvecs[:, order]
# %% projection_matrix
def projection_matrix(B):
    return B @ np.linalg.inv(B.T @ B) @ B.T
# %% PCA
def PCA(X, num_components):
    Xbar, mean = normalize(X)
    S = np.cov(X, rowvar=False, bias=True)
    vals, vecs = eig(S)
    B = vecs[:, :num_components]
    reconst = (projection_matrix(B) @ Xbar.T).T + mean
    return reconst, mean, vals[:num_components], B
# %% PCA_high_dim
def PCA_high_dim(X, num_components):
    N = X.shape[0]
    Xbar, mean = normalize(X)
    vals, vecs = eig(Xbar @ Xbar.T / N)
    vals = vals[:num_components]
    B = Xbar.T @ vecs[:, :num_components] / np.sqrt(N * vals)
    reconst = (projection_matrix(B) @ Xbar.T).T + mean
    return reconst, mean, vals, B
