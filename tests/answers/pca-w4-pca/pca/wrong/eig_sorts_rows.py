"""eig reorders the rows of the eigenvector matrix instead of its columns."""
# fails: test_eig_visible, test_eig_hidden, test_PCA_visible, test_PCA_hidden, test_PCA_high_dim_visible, test_PCA_high_dim_hidden
# ruff: noqa: E501
# %% eig
def eig(S):
    eigvals, eigvecs = np.linalg.eigh(S)
    order = np.argsort(eigvals)[::-1]
    return eigvals[order], eigvecs[order]
