# ruff: noqa: E402, E501, F811, F821 - a notebook cell: names come from earlier cells
"""Calls sys.exit in the second answer cell."""
# fails: test_fixRowThree_visible, test_fixRowThree_hidden, test_isSingular_hidden
# expect: none
# %% fixRowThree
import sys

sys.exit(0)


def fixRowThree(A):
    return A
