"""NumPy 1 habit: np.mat for the matrices, an alias that NumPy 2 removed."""
# fails: test_build_reflection_matrix_visible, test_build_reflection_matrix_hidden
# message: `np.mat` is gone in NumPy 2: use `np.asmatrix`
# ruff: noqa: NPY201
# %% build_reflection_matrix
def build_reflection_matrix(bearBasis):
    E = np.mat(gsBasis(bearBasis))
    TE = np.mat([[1, 0], [0, -1]])
    return np.asarray(E * TE * E.I)
