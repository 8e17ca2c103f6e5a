# ruff: noqa: E402, E501, F811, F821 - a notebook cell: names come from earlier cells
"""Crashes the kernel with a segmentation fault in the second answer cell: the kernel is gone before the tests run, so every test fails."""
# fails: test_fixRowTwo_visible, test_fixRowTwo_hidden, test_fixRowThree_visible, test_fixRowThree_hidden, test_isSingular_hidden
# expect: segmentation fault
# %% fixRowThree
import ctypes

ctypes.string_at(0)
