"""Central differences taken the wrong way round: f(x - h e_i) - f(x + h e_i)."""
# fails: test_finite_difference_gradient_visible, test_finite_difference_gradient_hidden
# %% finite_difference_gradient
def finite_difference_gradient(f, x, h=1e-5):
    gradient = np.zeros(len(x))
    for i in range(len(x)):
        e = np.zeros(len(x))
        e[i] = h
        gradient[i] = (f(x - e) - f(x + e)) / (2 * h)
    return gradient
