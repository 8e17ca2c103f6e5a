# ruff: noqa: E402, E501, F811, F821 - a notebook cell: names come from earlier cells
"""Reads the course from inside the kernel: ../../source, the gradebook, other students' work,
the release and the instructor's home; if it finds the reference solution it runs it."""
# fails: test_fixRowTwo_visible, test_fixRowTwo_hidden, test_isSingular_hidden
# expect: none
# %% fixRowTwo
import glob
import json
import os

found = {}
candidates = [
    "../../source", "../../../source", "../../../../source", "@@COURSE@@/source",
    "@@COURSE@@/release", "@@COURSE@@/submitted", "@@COURSE@@/autograded",
    "@@COURSE@@/gradebook.db", "@@REPO@@/source", "@@REPO@@/tests/answers",
    os.path.expanduser("~"), "/root", "/home", "/work",
]
for base in candidates:
    for path in glob.glob(os.path.join(base, "**", "*"), recursive=True)[:2000]:
        try:
            with open(path, encoding="utf-8", errors="replace") as handle:
                found[path] = handle.read(200_000)
        except OSError:
            pass
print("files read:", sorted(found)[:50])

fixRowTwo = None
for path, text in found.items():
    if "BEGIN SOLUTION" in text and path.endswith(".ipynb"):
        for cell in json.loads(text)["cells"]:
            source = "".join(cell["source"])
            if "def fixRowTwo" in source and "BEGIN SOLUTION" in source:
                exec(source.replace("### BEGIN SOLUTION", "").replace("### END SOLUTION", ""))

if fixRowTwo is None:
    def fixRowTwo(A):
        return A
