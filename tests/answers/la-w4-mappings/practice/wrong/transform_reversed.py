"""Uses B^-1 T_B B: the change of basis in the wrong direction."""
# fails: test_transform_in_basis_visible, test_transform_in_basis_hidden
# %% transform_in_basis
def transform_in_basis(T_B, B):
    return np.linalg.inv(B) @ T_B @ B
