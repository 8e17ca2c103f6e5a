"""is_inner_product checks symmetry only, forgetting positive definiteness."""
# fails: test_is_inner_product_visible, test_is_inner_product_hidden
# %% is_inner_product
def is_inner_product(A):
    return bool(np.allclose(A, A.T))
