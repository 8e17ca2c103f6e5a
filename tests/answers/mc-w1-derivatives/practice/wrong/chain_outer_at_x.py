"""chain_derivative evaluates the cosine at x instead of at the inner value a x^b."""
# fails: test_chain_derivative_visible, test_chain_derivative_hidden
# %% chain_derivative
def chain_derivative(a, b, x):
    return np.cos(x) * a * b * x ** (b - 1)
