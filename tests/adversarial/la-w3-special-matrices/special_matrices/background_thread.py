# ruff: noqa: E402, E501, F811, F821 - a notebook cell: names come from earlier cells
"""Starts a thread (and a timer signal) that, while the tests run, overwrites the expected
values in the checking function's frame with the wrong answer (the checks run in another
process: there is nothing to overwrite)."""
# fails: test_fixRowTwo_visible, test_fixRowTwo_hidden, test_fixRowThree_visible, test_fixRowThree_hidden, test_isSingular_hidden
# expect: none
# %% fixRowTwo
import signal
import sys
import threading
import time


def _fix_frames(*args):
    for frame in list(sys._current_frames().values()):
        while frame is not None:
            local = frame.f_locals
            if "want" in local and "got" in local:
                try:
                    local["want"][...] = local["got"]
                except Exception:
                    pass
            frame = frame.f_back


def _spy():
    while True:
        _fix_frames()
        time.sleep(0.0005)


threading.Thread(target=_spy, daemon=True).start()
signal.signal(signal.SIGALRM, _fix_frames)
signal.setitimer(signal.ITIMER_REAL, 0.001, 0.001)


def fixRowTwo(A):
    return A
# %% fixRowThree
def fixRowThree(A):
    return A
