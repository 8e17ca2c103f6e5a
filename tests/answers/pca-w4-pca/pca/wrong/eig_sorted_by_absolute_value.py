"""eig sorts by absolute value: right for covariance matrices (no negative eigenvalues), wrong for
a symmetric matrix with a negative eigenvalue."""
# fails: test_eig_visible, test_eig_hidden
# %% eig
def eig(S):
    eigvals, eigvecs = np.linalg.eigh(S)
    order = np.argsort(np.abs(eigvals))[::-1]
    return eigvals[order], eigvecs[:, order]
