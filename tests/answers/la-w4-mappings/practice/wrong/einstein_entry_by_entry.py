"""Multiplies entry by entry, A * B, as if that were the matrix product."""
# fails: test_einstein_product_visible, test_einstein_product_hidden
# %% einstein_product
def einstein_product(A, B):
    return A * B
