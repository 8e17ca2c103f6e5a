"""A warm start for the trusted test processes: a fork server.

A fresh ``python -m mml.grading.trusted`` spends about 1.3 CPU-seconds per notebook importing
NumPy and matplotlib before it runs a single test (SciPy 0.6 s more, scikit-learn another
second, where a notebook uses them). A fork server, started once per grading process, imports
each library once, when the first notebook that needs it comes; each notebook's trusted process
is then a fork of it (a few milliseconds). This is safe because nothing but imports of installed
libraries ever runs in the server: no test, no locked cell and no student code. Each child runs
one notebook's tests, in its own session (process group) and working directory, and ends.

The grader (:class:`ForkServer`) talks to the server over a Unix socket pair: a request carries
the modules to import first, the child's working directory and environment, and its end of a
fresh socket pair (``SCM_RIGHTS``); the reply
carries the child's pid and a pidfd, so the grader can tell when the child ended and signal it
without ever signalling a reused pid. The server ends when the grader's end of its socket closes
(also when the grader is killed).
"""

from __future__ import annotations

import contextlib
import importlib
import json
import os
import select
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass

#: seconds the grader waits for the server to fork a child (the first wait includes its imports)
REPLY_TIMEOUT = 120.0


# --------------------------------------------------------------------------------------------
# the server
# --------------------------------------------------------------------------------------------


def _reap(_signum: int, _frame: object) -> None:
    with contextlib.suppress(ChildProcessError):
        while os.waitpid(-1, os.WNOHANG)[0]:
            pass


def serve(control: socket.socket, child: Callable[[socket.socket], None]) -> None:
    """Fork a child running ``child(conversation)`` per request, first importing the modules
    the request names (an import that fails is left to the child, which fails the same way)."""
    signal.signal(signal.SIGCHLD, _reap)
    while True:
        try:
            data, fds, _, _ = socket.recv_fds(control, 1 << 16, 1)
        except OSError:
            return
        if not data or len(fds) != 1:
            return
        request = json.loads(data)
        for name in request["imports"]:
            if name not in sys.modules:
                with contextlib.suppress(Exception):
                    importlib.import_module(name)
        # no reaping between the fork and the pidfd: the pid cannot be reused meanwhile
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGCHLD})
        pid = os.fork()
        if pid == 0:
            _child(control, child, fds[0], request["cwd"], request["env"])
        os.close(fds[0])
        pidfd = os.pidfd_open(pid)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGCHLD})
        try:
            socket.send_fds(control, [json.dumps({"pid": pid}).encode()], [pidfd])
        except OSError:
            return
        finally:
            os.close(pidfd)


def _child(control: socket.socket, child: Callable[[socket.socket], None], fd: int,
           cwd: str, env: dict[str, str]) -> None:
    """In the forked child: a fresh session, directory and environment, then ``child``; never
    returns."""
    code = 1
    try:
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGCHLD})
        control.close()
        os.setsid()
        os.chdir(cwd)
        os.environ.clear()
        os.environ.update(env)
        sys.path[0] = cwd  # as for ``python -m`` started there
        child(socket.socket(fileno=fd))
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 0
    finally:
        os._exit(code)


# --------------------------------------------------------------------------------------------
# the grader's side
# --------------------------------------------------------------------------------------------


@dataclass
class Child:
    """A process the server forked: the grader's end of its socket, its pid and a pidfd."""

    sock: socket.socket
    pid: int
    pidfd: int

    def ended(self, timeout: float = 0.0) -> bool:
        """Whether the process has ended (waiting up to ``timeout`` seconds)."""
        return bool(select.select([self.pidfd], [], [], timeout)[0])

    def kill(self) -> None:
        """Kill the process and its process group; wait a moment for it to end."""
        if not self.ended():
            with contextlib.suppress(OSError):  # its group: the leader is alive, pgid is ours
                os.killpg(self.pid, signal.SIGKILL)
            with contextlib.suppress(OSError):
                signal.pidfd_send_signal(self.pidfd, signal.SIGKILL)
            self.ended(10.0)

    def close(self) -> None:
        self.sock.close()
        with contextlib.suppress(OSError):
            os.close(self.pidfd)


class ForkServer:
    """A server process (``argv``, in ``env``) that forks children on request.

    The server is started on first use and again if it died; :meth:`spawn` is thread-safe. The
    libraries the server imports see ``env``; each child gets the environment of its request.
    """

    def __init__(self, argv: list[str], env: dict[str, str], cwd: str) -> None:
        self.argv, self.env, self.cwd = argv, env, cwd
        self.process: subprocess.Popen | None = None
        self._control: socket.socket | None = None
        self._lock = threading.Lock()

    def _start(self) -> None:
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        with theirs:
            self.process = subprocess.Popen(  # noqa: S603 - our own module
                self.argv, stdin=theirs.fileno(), stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL, cwd=self.cwd, env=self.env, start_new_session=True,
            )
        self._control = ours

    def _request(self, cwd: str, env: dict[str, str], imports: list[str]) -> Child:
        assert self._control is not None
        ours, theirs = socket.socketpair()
        request = json.dumps({"cwd": cwd, "env": env, "imports": imports}).encode()
        with theirs:
            socket.send_fds(self._control, [request], [theirs.fileno()])
        if not select.select([self._control], [], [], REPLY_TIMEOUT)[0]:
            ours.close()
            raise OSError("the fork server did not answer")
        data, fds, _, _ = socket.recv_fds(self._control, 4096, 1)
        if not data or len(fds) != 1:
            ours.close()
            for fd in fds:
                os.close(fd)
            raise OSError("the fork server stopped")
        return Child(ours, json.loads(data)["pid"], fds[0])

    def spawn(self, cwd: str, env: dict[str, str], imports: Iterable[str] = ()) -> Child:
        """A new child working in ``cwd`` with environment ``env``, forked after the server
        imported ``imports`` (library modules only: never code of a test or a notebook);
        ``RuntimeError`` if the server cannot make one."""
        with self._lock:
            for _ in range(2):  # a server that died is started again, once
                if self.process is None or self.process.poll() is not None:
                    self.close()
                    self._start()
                try:
                    return self._request(cwd, env, list(imports))
                except OSError:
                    self.close()
        raise RuntimeError("the trusted test process could not be started")

    def close(self) -> None:
        """Stop the server (its children go on until their grader closes their socket)."""
        if self._control is not None:
            self._control.close()
            self._control = None
        if self.process is not None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=5)
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
            self.process = None
