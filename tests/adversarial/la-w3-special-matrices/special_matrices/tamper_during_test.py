# ruff: noqa: E402, E501, F811, F821 - a notebook cell: names come from earlier cells
"""Tampers from inside the answer while the test cell runs: the answer function rewrites the
checks' internals and rebinds `checks` and `np` in the notebook's globals before returning a
wrong result."""
# fails: test_fixRowTwo_visible, test_fixRowTwo_hidden, test_isSingular_hidden
# expect: none
# %% fixRowTwo
import sys


def _nothing(*args, **kwargs):
    return None


class _Anything:
    def __getattr__(self, name):
        return _nothing


def fixRowTwo(A):
    module = sys.modules["mml.checks"]
    for name in list(vars(module)):
        if name.startswith("_fail") or name in ("_as_float_array", "_plain", "_all_true"):
            vars(module)[name] = _nothing
    vars(module)["_isfinite"] = lambda x: x == x
    globals()["checks"] = _Anything()
    return A
