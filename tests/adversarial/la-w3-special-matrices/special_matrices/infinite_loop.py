# ruff: noqa: E402, E501, F811, F821 - a notebook cell: names come from earlier cells
"""An infinite loop in an answer cell (interruptible)."""
# fails: test_fixRowTwo_visible, test_fixRowTwo_hidden, test_isSingular_hidden
# expect: timeout
# %% fixRowTwo
while True:
    pass
