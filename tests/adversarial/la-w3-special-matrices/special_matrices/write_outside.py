# ruff: noqa: E402, E501, F811, F821 - a notebook cell: names come from earlier cells
"""Writes files everywhere outside its own folder: the course, other students' folders,
/tmp, /dev/shm, the home directory, the repository's mml package."""
# fails: test_fixRowTwo_visible, test_fixRowTwo_hidden, test_isSingular_hidden
# expect: none
# %% fixRowTwo
import os

targets = [
    "@@COURSE@@", "@@COURSE@@/submitted/zzz-honest-reference/la-w3-special-matrices",
    "@@COURSE@@/autograded", "@@COURSE@@/source/la-w3-special-matrices", "@@COURSE@@/release",
    "@@REPO@@", "@@REPO@@/mml", "/tmp", "/var/tmp", "/dev/shm", os.path.expanduser("~"),
    "/root", "../..", "../../..", "/work",
]
for folder in targets:
    try:
        with open(os.path.join(folder, "@@CANARY@@"), "w") as handle:
            handle.write("pwned")
        print("wrote into", folder)
    except OSError as exc:
        print("refused", folder, exc.strerror)


def fixRowTwo(A):
    return A
