# ruff: noqa: E402, E501, F811, F821 - a notebook cell: names come from earlier cells
"""An infinite loop that ignores the interrupt (SIGINT) in the second answer cell: the kernel is stopped before the tests run, so every test fails."""
# fails: test_fixRowTwo_visible, test_fixRowTwo_hidden, test_fixRowThree_visible, test_fixRowThree_hidden, test_isSingular_hidden
# expect: did not stop
# %% fixRowThree
import signal

signal.signal(signal.SIGINT, signal.SIG_IGN)
while True:
    pass
