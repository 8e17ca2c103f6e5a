# ruff: noqa: E402, E501, F811, F821 - a notebook cell: names come from earlier cells
"""A fork bomb in an answer cell. Whether the process limit or the cell's time limit strikes
first depends on the machine; either way the bomb's processes are stopped before the kernel is
interrupted or probed, so the kernel survives and the other answer is graded."""
# fails: test_fixRowTwo_visible, test_fixRowTwo_hidden, test_isSingular_hidden
# expect: none
# %% fixRowTwo
import os

while True:
    os.fork()
