"""is_inner_product tests symmetry and a positive determinant (a negative definite 2x2 passes)."""
# fails: test_is_inner_product_visible, test_is_inner_product_hidden
# %% is_inner_product
def is_inner_product(A):
    return bool(np.allclose(A, A.T) and np.linalg.det(A) > 0)
