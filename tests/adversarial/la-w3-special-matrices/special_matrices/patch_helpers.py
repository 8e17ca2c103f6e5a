# ruff: noqa: E402, E501, F811, F821 - a notebook cell: names come from earlier cells
"""Patches the course's own checking helpers: module attributes (directly and through
vars()), function code, the exception class, sys.modules['mml.checks'] and mml.checks."""
# fails: test_fixRowTwo_visible, test_fixRowTwo_hidden, test_fixRowThree_visible, test_fixRowThree_hidden, test_isSingular_hidden
# expect: none
# %% fixRowTwo
import sys
import types

import mml
from mml import checks


def nothing(*args, **kwargs):
    return None


fake = types.ModuleType("mml.checks")
for name in ["check_close", "check_equal", "check_raises", "check_true", "check_shape",
             "as_float_array"]:
    try:
        setattr(checks, name, nothing)
    except AttributeError:
        vars(checks)[name] = nothing
    setattr(fake, name, nothing)
    function = vars(checks)[name]
    for inner in [function, getattr(function, "__wrapped__", None)]:
        if inner is not None:
            inner.__code__ = nothing.__code__
vars(checks)["_fail"] = nothing
vars(checks)["_restore"] = nothing
vars(checks)["CheckFailed"] = type("CheckFailed", (Exception,), {})
sys.modules["mml.checks"] = fake
mml.checks = fake


def fixRowTwo(A):
    return A
# %% fixRowThree
def fixRowThree(A):
    return A
