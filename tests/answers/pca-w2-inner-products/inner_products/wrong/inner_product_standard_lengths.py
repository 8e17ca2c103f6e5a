"""inner_product_angle uses x0^T A x1 in the numerator but the ordinary (dot product) lengths in
the denominator."""
# fails: test_inner_product_angle_visible, test_inner_product_angle_hidden
# %% inner_product_angle
def inner_product_angle(x0, x1, A):
    cosine = x0 @ A @ x1 / (np.linalg.norm(x0) * np.linalg.norm(x1))
    return np.arccos(np.clip(cosine, -1.0, 1.0))
