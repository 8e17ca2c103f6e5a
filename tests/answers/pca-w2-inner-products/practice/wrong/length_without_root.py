"""inner_length returns x^T A x, forgetting the square root."""
# fails: test_inner_length_visible, test_inner_length_hidden
# %% inner_length
def inner_length(x, A):
    return float(x @ A @ x)
