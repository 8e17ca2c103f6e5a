"""Lets NumPy do the work: np.dot, np.linalg.solve, inv and det; returns NumPy scalars."""
# fails: none
# %% compose
def compose(first, second):
    return np.dot(second, first)

# %% back_substitute
def back_substitute(U, c):
    return np.linalg.solve(U, c)

# %% solve_by_elimination
def solve_by_elimination(A, b):
    return np.linalg.solve(A, b)

# %% inverse_by_elimination
def inverse_by_elimination(A):
    return np.linalg.inv(A)

# %% determinant
def determinant(A):
    return np.linalg.det(A)

# %% image_area
def image_area(A, area):
    return np.abs(np.linalg.det(A)) * area

# %% flips_orientation
def flips_orientation(A):
    return np.linalg.det(A) < 0
