# ruff: noqa: E402, E501, F811, F821 - a notebook cell: names come from earlier cells
"""Publishes an execute_result worth full points from inside the test cell, then fails."""
# fails: test_fixRowTwo_visible, test_fixRowTwo_hidden, test_isSingular_hidden
# expect: none
# %% fixRowTwo
def fixRowTwo(A):
    get_ipython().displayhook(2.0)  # noqa: F821 - IPython
    return A
