"""is_inner_product asks for a symmetric matrix with positive entries instead of positive
eigenvalues."""
# fails: test_is_inner_product_visible, test_is_inner_product_hidden
# %% is_inner_product
def is_inner_product(A):
    return bool(np.allclose(A, A.T) and np.all(A > 0))
