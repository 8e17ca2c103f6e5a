"""eig returns np.linalg.eigh's result as it is: eigenvalues in increasing order."""
# fails: test_eig_visible, test_eig_hidden, test_PCA_visible, test_PCA_hidden, test_PCA_high_dim_visible, test_PCA_high_dim_hidden
# ruff: noqa: E501
# %% eig
def eig(S):
    return np.linalg.eigh(S)
