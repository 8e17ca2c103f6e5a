"""product_derivative differentiates e^(bx) as e^(bx), forgetting the chain-rule factor b."""
# fails: test_product_derivative_visible, test_product_derivative_hidden
# %% product_derivative
def product_derivative(a, b, x):
    return (a * x ** (a - 1) + x**a) * np.exp(b * x)
