# ruff: noqa: E402, E501, F811, F821 - a notebook cell: names come from earlier cells
"""Allocates memory until something gives: one huge block, then ever more blocks. Which limit
strikes first (memory, or the cell's time on a loaded machine) depends on the machine; either
way the kernel survives and the other answer is graded."""
# fails: test_fixRowTwo_visible, test_fixRowTwo_hidden, test_isSingular_hidden
# expect: memory|timeout
# %% fixRowTwo
hoard = []
try:
    hoard.append(bytearray(16 * 1024**3))
except MemoryError:
    pass
while True:
    hoard.append(bytearray(50 * 1024**2))
