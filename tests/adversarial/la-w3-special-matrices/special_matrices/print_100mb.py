# ruff: noqa: E402, E501, F811, F821 - a notebook cell: names come from earlier cells
"""Prints 100 MB in an answer cell (and more from inside the tests)."""
# fails: test_fixRowTwo_visible, test_fixRowTwo_hidden, test_isSingular_hidden
# expect: output
# %% fixRowTwo
print("x" * 100_000_000)


def fixRowTwo(A):
    print("y" * 10_000_000)
    return A
