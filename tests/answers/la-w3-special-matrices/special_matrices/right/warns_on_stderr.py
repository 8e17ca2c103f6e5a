"""Right answers that also print a warning and a note to stderr (must keep full marks)."""
# fails: none
# %% fixRowTwo
import sys
import warnings


def fixRowTwo(A):
    warnings.warn("fixRowTwo: I am not sure about this one", stacklevel=1)
    print("debug: fixing row 2", file=sys.stderr)
    A[2] -= A[2, 0] * A[0]
    A[2] -= A[2, 1] * A[1]
    if A[2, 2] == 0:
        A[2] += A[3]
        A[2] -= A[2, 0] * A[0]
        A[2] -= A[2, 1] * A[1]
    if A[2, 2] == 0:
        raise MatrixIsSingular()
    A[2] /= A[2, 2]
    return A
# %% fixRowThree
def fixRowThree(A):
    with np.errstate(divide="warn"):
        np.float64(1.0) / np.float64(0.0)  # a RuntimeWarning on stderr, then the right work
    for j in range(3):
        A[3] -= A[3, j] * A[j]
    if A[3, 3] == 0:
        raise MatrixIsSingular()
    A[3] /= A[3, 3]
    return A
