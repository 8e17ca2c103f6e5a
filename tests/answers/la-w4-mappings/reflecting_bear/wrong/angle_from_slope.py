"""Finds the mirror's angle as atan(y / x), which divides by zero for a vertical mirror."""
# fails: test_build_reflection_matrix_visible, test_build_reflection_matrix_hidden
# %% build_reflection_matrix
import math


def build_reflection_matrix(bearBasis):
    x, y = float(bearBasis[0, 0]), float(bearBasis[1, 0])
    angle = math.atan(y / x)
    c, s = math.cos(2 * angle), math.sin(2 * angle)
    return np.array([[c, s], [s, -c]])
