# ruff: noqa: E402, E501, F811, F821 - a notebook cell: names come from earlier cells
"""Loops forever inside the graded function and ignores the interrupt: the kernel is stopped at
the first test's call, so every test fails."""
# fails: test_fixRowTwo_visible, test_fixRowTwo_hidden, test_fixRowThree_visible, test_fixRowThree_hidden, test_isSingular_hidden
# expect: did not stop
# %% fixRowTwo
import signal


def fixRowTwo(A):
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    while True:
        pass
