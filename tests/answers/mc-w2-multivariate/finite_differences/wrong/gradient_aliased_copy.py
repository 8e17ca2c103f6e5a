"""Thinks `shifted = x` makes a copy: it moves the caller's x and never moves it back."""
# fails: test_finite_difference_gradient_visible, test_finite_difference_gradient_hidden
# %% finite_difference_gradient
def finite_difference_gradient(f, x, h=1e-5):
    gradient = np.zeros(len(x))
    for i in range(len(x)):
        shifted = x
        shifted[i] += h
        f_plus = f(shifted)
        shifted[i] -= 2 * h
        f_minus = f(shifted)
        gradient[i] = (f_plus - f_minus) / (2 * h)
    return gradient
