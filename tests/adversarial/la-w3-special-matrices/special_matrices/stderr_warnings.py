# ruff: noqa: E402, E501, F811, F821 - a notebook cell: names come from earlier cells
"""A correct answer that writes warnings to stderr: it must keep full marks."""
# fails: none
# expect: none
# %% fixRowTwo
import sys
import warnings

import numpy as np


def fixRowTwo(A):
    warnings.warn("fixRowTwo: just a warning", UserWarning, stacklevel=1)
    print("note on stderr", file=sys.stderr)
    np.float64(1.0) / np.float64(0.0)  # RuntimeWarning: divide by zero
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
