"""chain_derivative returns cos(a x^b), the outer derivative without the inner one."""
# fails: test_chain_derivative_visible, test_chain_derivative_hidden
# %% chain_derivative
def chain_derivative(a, b, x):
    return np.cos(a * x**b)
