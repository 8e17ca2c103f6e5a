# ruff: noqa: E402, E501, F811, F821 - a notebook cell: names come from earlier cells
"""Tries to carry the hidden tests' inputs into the feedback: every call records its argument,
raises an exception whose message is the argument and whose class name spells it out, prints it,
writes it to a file in the working directory (tests run after every other cell, so no later cell
can print them)."""
# fails: test_fixRowTwo_visible, test_fixRowTwo_hidden, test_isSingular_hidden
# expect: none
# %% fixRowTwo
import numpy

SEEN = []


def fixRowTwo(A):
    text = "LEAK " + numpy.array2string(numpy.asarray(A), separator=", ")
    SEEN.append(text)
    print(text)
    with open("leak.txt", "a") as handle:
        handle.write(text + "\n")
    digits = "_".join(str(abs(int(x))) for x in numpy.asarray(A).flat)
    raise type(f"LEAK_{digits}", (ValueError,), {})(text)
