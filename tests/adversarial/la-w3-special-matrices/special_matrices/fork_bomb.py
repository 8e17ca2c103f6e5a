# ruff: noqa: E402, E501, F811, F821 - a notebook cell: names come from earlier cells
"""A fork bomb in an answer cell. Whether the kernel survives it (and so whether the other
answers are still graded) depends on the load of the machine."""
# fails: test_fixRowTwo_visible, test_fixRowTwo_hidden, test_isSingular_hidden
# may fail: test_fixRowThree_visible, test_fixRowThree_hidden
# expect: none
# %% fixRowTwo
import os

while True:
    os.fork()
