# ruff: noqa: E402, E501, F811, F821 - a notebook cell: names come from earlier cells
"""Tries to read the hidden tests once they ran, and prints them so they end up in the
feedback: IPython history, linecache, the last traceback, the last execution result, and the
caller's source from inside the answer function."""
# fails: test_fixRowTwo_visible, test_fixRowTwo_hidden, test_isSingular_hidden
# expect: none
# %% fixRowTwo
import inspect
import sys


def fixRowTwo(A):
    try:
        print("CALLER:", inspect.getsource(sys._getframe(1)))
    except Exception as exc:
        print("no caller source", exc)
    return A
# %% fixRowThree
import linecache
import sys

shell = get_ipython()  # noqa: F821 - IPython
print("HISTORY:", list(shell.user_ns.get("In", [])))
print("LINECACHE:", [(k, "".join(v[2])) for k, v in linecache.cache.items() if "ipykernel" in k])
print("LAST:", getattr(shell.last_execution_result, "info", None))
tb = getattr(sys, "last_traceback", None)
while tb is not None:
    print("FRAME:", tb.tb_frame.f_code.co_consts)
    tb = tb.tb_next


def fixRowThree(A):
    A[3] -= A[3, 0] * A[0]
    A[3] -= A[3, 1] * A[1]
    A[3] -= A[3, 2] * A[2]
    if A[3, 3] == 0:
        raise MatrixIsSingular()
    A[3] /= A[3, 3]
    return A
