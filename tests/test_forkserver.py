"""The fork server that starts the trusted processes warm (:mod:`mml.grading.forkserver`)."""

from __future__ import annotations

import json
import os
import signal
import sys

import pytest

from mml.grading import trusted
from mml.grading.forkserver import ForkServer

# a server whose children report what they are and where they run, then wait for the grader
SERVER = """
import json, os, socket, sys
import numpy as np
from mml.grading import forkserver

def child(conversation):
    np.random.seed()
    facts = {"pid": os.getpid(), "ppid": os.getppid(), "sid": os.getsid(0), "cwd": os.getcwd(),
             "path0": sys.path[0], "env": os.environ.get("MML_FORK_TEST"),
             "draw": float(np.random.random()), "fractions": "fractions" in sys.modules}
    conversation.sendall((json.dumps(facts) + "\\n").encode())
    conversation.recv(1)  # until the grader closes its end

forkserver.serve(socket.socket(fileno=os.dup(0)), child)
"""


def facts(child) -> dict:  # noqa: ANN001 - a forkserver.Child
    data = b""
    while not data.endswith(b"\n"):
        chunk = child.sock.recv(4096)
        assert chunk, "the child ended without a word"
        data += chunk
    return json.loads(data)


@pytest.fixture
def server(tmp_path):  # noqa: ANN001, ANN201
    fork = ForkServer([sys.executable, "-c", SERVER], dict(os.environ), str(tmp_path))
    yield fork
    fork.close()


def test_each_child_is_a_fork_in_its_own_session_directory_and_environment(server, tmp_path):  # noqa: ANN001
    first_dir, second_dir = tmp_path / "a", tmp_path / "b"
    first_dir.mkdir()
    second_dir.mkdir()
    first = server.spawn(str(first_dir), dict(os.environ, MML_FORK_TEST="one"), ["fractions"])
    second = server.spawn(str(second_dir), dict(os.environ, MML_FORK_TEST="two"))
    try:
        one, two = facts(first), facts(second)
        assert one["ppid"] == two["ppid"] == server.process.pid  # forks of the one server
        assert one["pid"] == first.pid and one["sid"] == one["pid"]  # a session of its own
        assert (one["cwd"], one["path0"], one["env"]) == (str(first_dir),) * 2 + ("one",)
        assert (two["cwd"], two["env"]) == (str(second_dir), "two")
        assert one["draw"] != two["draw"]  # not the server's random state
        assert one["fractions"] and two["fractions"]  # imported by the server, once
        assert not first.ended()
    finally:
        for child in (first, second):
            child.kill()
            assert child.ended()
            child.close()


def test_a_child_that_ended_is_seen_and_a_dead_server_is_started_again(server, tmp_path):  # noqa: ANN001
    child = server.spawn(str(tmp_path), dict(os.environ))
    facts(child)
    child.sock.close()  # the child reads EOF and ends
    assert child.ended(10.0)
    child.kill()  # no error, no signal to anyone: it has ended
    os.close(child.pidfd)
    first_server = server.process.pid
    os.kill(first_server, signal.SIGKILL)
    server.process.wait()
    again = server.spawn(str(tmp_path), dict(os.environ))
    try:
        assert facts(again)["ppid"] == server.process.pid != first_server
    finally:
        again.kill()
        again.close()


def test_the_server_imports_libraries_only_never_the_course_s_modules() -> None:
    sources = ["import numpy as np\nfrom mml import checks\nfrom mml.la import exercises",
               "### BEGIN HIDDEN TESTS\nfrom sklearn.decomposition import PCA\n"
               "def f():\n    import scipy.linalg, json\n### END HIDDEN TESTS",
               "from . import sibling\nimport numpy\n", "this is not Python ("]
    assert trusted.library_imports(sources) == ["numpy", "sklearn.decomposition",
                                                "scipy.linalg", "json"]


def test_trusted_processes_come_from_one_server_per_grading_process(tmp_path) -> None:  # noqa: ANN001
    first = trusted._server()  # noqa: SLF001
    assert trusted._server() is first  # noqa: SLF001
    child = first.spawn(str(tmp_path), trusted._environment())  # noqa: SLF001
    try:
        with open(f"/proc/{child.pid}/stat") as handle:
            assert int(handle.read().rsplit(")", 1)[1].split()[1]) == first.process.pid
        assert "NBGRADER_EXECUTION" not in trusted._environment()  # noqa: SLF001
    finally:
        child.kill()
        child.close()
