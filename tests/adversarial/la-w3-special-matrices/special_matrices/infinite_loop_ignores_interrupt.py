# ruff: noqa: E402, E501, F811, F821 - a notebook cell: names come from earlier cells
"""An infinite loop that ignores the interrupt (SIGINT) in the second answer cell."""
# fails: test_fixRowThree_visible, test_fixRowThree_hidden, test_isSingular_hidden
# expect: did not stop
# %% fixRowThree
import signal

signal.signal(signal.SIGINT, signal.SIG_IGN)
while True:
    pass
