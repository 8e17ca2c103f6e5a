"""Loops for the mean and the covariance; each eigenvector flipped so its largest entry is > 0."""
# fails: none
# %% normalize
def normalize(X):
    N, D = X.shape
    mean = np.zeros(D)
    for n in range(N):
        mean = mean + X[n]
    mean = mean / N
    Xbar = np.array([X[n] - mean for n in range(N)])
    return Xbar, mean
# %% eig
def eig(S):
    eigvals, eigvecs = np.linalg.eigh(S)
    order = np.argsort(eigvals)[::-1]
    eigvals, eigvecs = eigvals[order], eigvecs[:, order].copy()
    for j in range(eigvecs.shape[1]):
        if eigvecs[np.argmax(np.abs(eigvecs[:, j])), j] < 0:
            eigvecs[:, j] = -eigvecs[:, j]
    return eigvals, eigvecs
# %% projection_matrix
def projection_matrix(B):
    return B @ np.linalg.solve(B.T @ B, B.T)
# %% PCA
def PCA(X, num_components):
    N, D = X.shape
    Xbar, mean = normalize(X)
    S = np.zeros((D, D))
    for n in range(N):
        S += np.outer(Xbar[n], Xbar[n])
    S /= N
    vals, vecs = eig(S)
    B = vecs[:, :num_components]
    P = projection_matrix(B)
    reconst = np.array([mean + P @ Xbar[n] for n in range(N)])
    return reconst, mean, vals[:num_components], B
# %% PCA_high_dim
def PCA_high_dim(X, num_components):
    N, D = X.shape
    Xbar, mean = normalize(X)
    vals, vecs = eig(Xbar @ Xbar.T / N)
    B = -(Xbar.T @ vecs[:, :num_components])
    for j in range(num_components):
        B[:, j] /= np.linalg.norm(B[:, j])
    reconst = Xbar @ projection_matrix(B) + mean
    return reconst, mean, vals[:num_components], B
