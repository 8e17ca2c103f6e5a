# ruff: noqa: E402, E501, F811, F821 - a notebook cell: names come from earlier cells
"""A fork bomb in an answer cell."""
# fails: test_fixRowTwo_visible, test_fixRowTwo_hidden, test_isSingular_hidden
# expect: none
# %% fixRowTwo
import os

while True:
    os.fork()
