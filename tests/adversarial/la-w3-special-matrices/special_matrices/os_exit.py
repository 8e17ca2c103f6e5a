# ruff: noqa: E402, E501, F811, F821 - a notebook cell: names come from earlier cells
"""Calls os._exit in the second answer cell: the kernel vanishes: the kernel is gone before the tests
run, so every test fails."""
# fails: test_fixRowTwo_visible, test_fixRowTwo_hidden, test_fixRowThree_visible, test_fixRowThree_hidden, test_isSingular_hidden
# expect: exit code 3
# %% fixRowThree
import os

os._exit(3)
