"""Plain loops over every (i, j) with explicit copies of x; the diagonal uses the three-point
second difference and the mixed entries the four-point formula."""
# fails: none
# %% finite_difference_gradient
def finite_difference_gradient(f, x, h=1e-5):
    n = len(x)
    gradient = []
    for i in range(n):
        up = x.copy()
        down = x.copy()
        up[i] = up[i] + h
        down[i] = down[i] - h
        gradient.append((f(up) - f(down)) / (2 * h))
    return np.array(gradient)
# %% finite_difference_hessian
def finite_difference_hessian(f, x, h=1e-4):
    n = len(x)
    H = np.zeros((n, n))
    for i in range(n):
        for j in range(n):
            if i == j:
                up = x.copy()
                down = x.copy()
                up[i] += h
                down[i] -= h
                H[i, i] = (f(up) - 2 * f(x) + f(down)) / (h * h)
            else:
                values = []
                for si, sj in [(1, 1), (1, -1), (-1, 1), (-1, -1)]:
                    moved = x.copy()
                    moved[i] += si * h
                    moved[j] += sj * h
                    values.append(si * sj * f(moved))
                H[i, j] = sum(values) / (4 * h * h)
    return H
