"""Uses B^T for B^-1, right only when B is orthogonal."""
# fails: test_transform_in_basis_visible, test_transform_in_basis_hidden
# %% transform_in_basis
def transform_in_basis(T_B, B):
    return B @ T_B @ B.T
