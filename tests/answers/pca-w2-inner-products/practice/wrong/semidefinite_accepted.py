"""is_inner_product accepts eigenvalues equal to zero (positive semi-definite)."""
# fails: test_is_inner_product_visible, test_is_inner_product_hidden
# %% is_inner_product
def is_inner_product(A):
    return bool(np.allclose(A, A.T) and np.all(np.linalg.eigvalsh(A) >= -1e-10))
