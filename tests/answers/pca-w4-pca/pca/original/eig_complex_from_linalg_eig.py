"""The original course's eig: np.linalg.eig sorted with argsort, complex results kept as they are
(imaginary parts of rounding size for a symmetric matrix)."""
# fails: none
# %% eig
def eig(S):
    eigvals, eigvecs = np.linalg.eig(S)
    k = np.argsort(eigvals)[::-1]
    return eigvals[k], eigvecs[:, k]
