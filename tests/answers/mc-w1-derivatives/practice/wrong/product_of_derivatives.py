"""product_derivative multiplies the two derivatives: a x^(a-1) times b e^(bx)."""
# fails: test_product_derivative_visible, test_product_derivative_hidden
# %% product_derivative
def product_derivative(a, b, x):
    return a * x ** (a - 1) * b * np.exp(b * x)
