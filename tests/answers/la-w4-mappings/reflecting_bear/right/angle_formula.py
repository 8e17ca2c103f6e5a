"""Finds the mirror's angle with atan2 and writes the reflection with cos and sin of twice it,
as nested Python floats turned into an array."""
# fails: none
# %% build_reflection_matrix
import math


def build_reflection_matrix(bearBasis):
    angle = math.atan2(float(bearBasis[1][0]), float(bearBasis[0][0]))
    c, s = math.cos(2 * angle), math.sin(2 * angle)
    return np.array([[c, s], [s, -c]])
