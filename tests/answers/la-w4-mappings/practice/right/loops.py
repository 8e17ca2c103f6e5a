"""Loops and sum(); the shadow matrix built column by column from the images of e1, e2, e3;
the basis change column by column; pairs of columns for orthogonality."""
# fails: none
# %% einstein_product
def einstein_product(A, B):
    m, n = A.shape
    n2, p = B.shape
    if n != n2:
        raise ValueError(f"A has {n} columns but B has {n2} rows")
    return np.array([[sum(A[i, j] * B[j, k] for j in range(n)) for k in range(p)]
                     for i in range(m)])

# %% shadow_matrix
def shadow_matrix(s):
    columns = []
    for e in np.eye(3):
        shadow = e - e[2] / s[2] * s
        columns.append(shadow[:2])
    return np.column_stack(columns)

# %% transform_in_basis
def transform_in_basis(T_B, B):
    n = len(B)
    T = np.zeros((n, n))
    for j in range(n):
        c = np.linalg.solve(B, np.eye(n)[:, j])
        T[:, j] = B @ (T_B @ c)
    return T

# %% is_orthogonal
def is_orthogonal(A):
    n = A.shape[1]
    for a in range(n):
        for b in range(n):
            target = 1.0 if a == b else 0.0
            if abs(A[:, a] @ A[:, b] - target) > 1e-9:
                return False
    return True
