# ruff: noqa: E402, E501, F811, F821 - a notebook cell: names come from earlier cells
"""Loops forever inside the graded function: every test's call of it is interrupted after the
cell's time limit and fails; the kernel lives on, so the other answer is graded."""
# fails: test_fixRowTwo_visible, test_fixRowTwo_hidden, test_isSingular_hidden
# expect: none
# %% fixRowTwo
def fixRowTwo(A):
    while True:
        pass
