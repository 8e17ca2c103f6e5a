"""Forward differences (f(x + h e_i) - f(x)) / h: correct only to about h, not h squared."""
# fails: test_finite_difference_gradient_visible, test_finite_difference_gradient_hidden
# %% finite_difference_gradient
def finite_difference_gradient(f, x, h=1e-5):
    fx = f(x)
    gradient = np.zeros(len(x))
    for i in range(len(x)):
        e = np.zeros(len(x))
        e[i] = h
        gradient[i] = (f(x + e) - fx) / h
    return gradient
