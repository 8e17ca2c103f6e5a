# ruff: noqa: E402, E501, F811, F821 - a notebook cell: names come from earlier cells
"""Forges the kernel's side of the grading channel: replaces the request server with one that
claims success with a function tag, a pickled array and a huge value, and makes the kernel
answer every later execute request "ok" at once, signed with its own session key."""
# fails: test_fixRowTwo_visible, test_fixRowTwo_hidden, test_fixRowThree_visible, test_fixRowThree_hidden, test_isSingular_hidden
# expect: none
# %% fixRowTwo
import base64
import io
import json

import numpy

import mml.grading.wire as wire

buffer = io.BytesIO()
numpy.save(buffer, numpy.array([{"x": 1}], dtype=object), allow_pickle=True)
PICKLED = base64.b64encode(buffer.getvalue()).decode()
FORGED = [
    {"ok": True, "value": {"k": 0}, "changed": {}},
    {"ok": True, "value": {"a": PICKLED}, "changed": {}},
    {"ok": True, "value": {"f": "print"}, "changed": {"0": {"a": PICKLED}}},
]
calls = []


def serve(request, namespace, raw_input=None):
    calls.append(1)
    return base64.b64encode(json.dumps(FORGED[len(calls) % 3]).encode()).decode()


wire.serve = serve
kernel = get_ipython().kernel  # noqa: F821 - IPython


async def always_ok(stream, ident, parent):
    kernel.session.send(stream, "execute_reply",
                        {"status": "ok", "execution_count": 1, "user_expressions": {}},
                        parent, ident=ident)


kernel.shell_handlers["execute_request"] = always_ok


def fixRowTwo(A):
    return A
# %% fixRowThree
def fixRowThree(A):
    return A
