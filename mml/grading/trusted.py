"""Test cells graded in a trusted process, where no student code ever runs.

While a submission is autograded, the student's kernel (sandboxed) runs every cell but the tests.
The tests run here, in a separate Python process started per notebook
(``python -m mml.grading.trusted``): first the notebook's locked cells (imports, given functions,
from the gradebook's source, never the submission's), then each test cell's source unchanged.
Expected values are computed and compared only here.

A name the test needs that no locked or test cell of the source binds is looked up in the student's
kernel (a name such code binds never is, wherever the submission moved or deleted that cell):
a function becomes a :class:`StudentFunction` (calling it sends the arguments to the kernel and
brings back the return value, and the arguments the call changed, which are written back:
functions that work in place), anything else is fetched as data. Only plain data crosses
(:mod:`mml.grading.wire`). Exceptions come back as their type name and message and are raised
again here as the class of that name that the locked cells or builtins define (a
``MatrixIsSingular``, a ``ValueError``), otherwise as a :class:`StudentError` of that name; its
``from_student`` is the function's name and ``learner_line`` the line of the student's function
where it was raised (what :func:`mml.checks.call` shows).

Before each call, the plain-data globals that locked code defines and that tests changed (the
weights ``reset_network`` sets) are sent to the kernel. A function that a test passes to a
student's function (finite differences, Newton's method) stays here: the kernel gets a stand-in
that asks this process for each value (the kernel's stdin channel carries the question).

The grader (:class:`TrustedTests`, used by :mod:`mml.grading.sandbox`) talks to this process
with JSON lines over its stdin and stdout; what the tests print is captured. The outcome of each
test cell is returned as that cell's outputs: nothing for a pass, an error for a failure. A
hidden test's failure is described here, from the check's own label and hint, never with text
the kernel sent. The visible parts of all tests run before any hidden part (the student's code
could otherwise hand hidden inputs back as the answer a later visible test shows), and all
tests run after every other cell, so no cell of the notebook can print what hidden tests sent.
"""

from __future__ import annotations

import ast
import atexit
import builtins
import contextlib
import dis
import io
import json
import os
import select
import socket
import sys
import tempfile
import threading
import time
import types
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from mml.grading import forkserver, wire
from mml.grading.forkserver import Child, ForkServer

#: largest plain-data global (bytes) that is sent to the kernel when a test changed it
MAX_PUSH = 4 * 1024 * 1024
#: seconds the process has to report a test whose call into the kernel ran out of time
REPORT_GRACE = 10.0
_LOADS = frozenset({"LOAD_NAME", "LOAD_GLOBAL"})
_STORES = frozenset({"STORE_NAME", "STORE_GLOBAL", "IMPORT_NAME"})
_BUILTINS = frozenset(dir(builtins))


class StudentError(RuntimeError):
    """An exception raised by the student's code whose class the tests do not know."""


class KernelUnavailable(RuntimeError):
    """The student's kernel could not answer (it stopped, or the call took too long)."""


class StudentFunction:
    """Stands for a function defined in the student's notebook: calls run in their kernel."""

    def __init__(self, runner: Runner, name: str) -> None:
        self._runner = runner
        self.__name__ = self.__qualname__ = name

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._runner.call(self.__name__, args, kwargs)

    def __repr__(self) -> str:
        return f"<function {self.__name__} of the notebook>"


def split_hidden(source: str, markers: tuple[str, str]) -> list[tuple[bool, str]]:
    """``[(hidden, code), ...]``: the parts of a test cell outside and inside hidden markers.

    ``markers`` are the begin and end lines (:data:`mml.grading.cells.HIDDEN_BEGIN` and
    ``HIDDEN_END``, sent by the grader: the trusted process does not load nbformat).
    """
    parts: list[tuple[bool, list[str]]] = [(False, [])]
    for line in source.split("\n"):
        stripped = line.strip()
        if stripped in markers:
            parts.append((stripped == markers[0], []))
            continue
        parts[-1][1].append(line)
    return [(hidden, "\n".join(lines)) for hidden, lines in parts if "".join(lines).strip()]


def _names(code: types.CodeType) -> tuple[set[str], set[str]]:
    """(names the code reads as globals, names it binds as globals), nested code included."""
    loads: set[str] = set()
    stores: set[str] = set()
    todo = [code]
    while todo:
        current = todo.pop()
        for instruction in dis.get_instructions(current):
            if instruction.opname in _LOADS:
                loads.add(instruction.argval)
            elif instruction.opname in _STORES and current is code:
                stores.add(str(instruction.argval).split(".")[0])
        todo.extend(c for c in current.co_consts if isinstance(c, types.CodeType))
    return loads, stores


def _declared_globals(code: types.CodeType) -> set[str]:
    """Names that functions defined in ``code`` bind with ``global`` (``reset_network``'s W1)."""
    found: set[str] = set()
    todo = [c for c in code.co_consts if isinstance(c, types.CodeType)]
    while todo:
        current = todo.pop()
        found.update(i.argval for i in dis.get_instructions(current)
                     if i.opname == "STORE_GLOBAL")
        todo.extend(c for c in current.co_consts if isinstance(c, types.CodeType))
    return found


def _plain_size(value: Any) -> int | None:
    """Rough size in bytes of plain data, or None if ``value`` is not plain data."""
    if value is None or isinstance(value, (bool, int, float, complex, str, np.generic)):
        return 64 + (len(value) if isinstance(value, str) else 0)
    if isinstance(value, np.ndarray):
        return int(value.nbytes) if value.dtype.kind in "biufc" else None
    if isinstance(value, (list, tuple)):
        sizes = [_plain_size(v) for v in value]
        return None if None in sizes else sum(sizes) + 64  # type: ignore[arg-type]
    if isinstance(value, dict):
        sizes = [_plain_size(v) for v in value.values()] + [_plain_size(k) for k in value]
        return None if None in sizes else sum(sizes) + 64  # type: ignore[arg-type]
    return None


def _write_back(original: Any, changed: Any) -> None:
    """Make ``original`` (an argument of a call) look as the student's function left it."""
    with contextlib.suppress(TypeError, ValueError, AttributeError):
        if isinstance(original, np.ndarray) and isinstance(changed, np.ndarray):
            if original.shape == changed.shape:
                np.copyto(original, changed, casting="unsafe")
        elif isinstance(original, list) and isinstance(changed, list):
            original[:] = changed
        elif isinstance(original, dict) and isinstance(changed, dict):
            original.clear()
            original.update(changed)


def _hidden_message(exc: BaseException) -> tuple[str, str]:
    """(ename, evalue) for a failed hidden test, from the check's label and hint only."""
    label = hint = ""
    tb = exc.__traceback__
    while tb is not None:
        local = tb.tb_frame.f_locals
        filename = tb.tb_frame.f_code.co_filename
        if filename.startswith(_PACKAGE_DIR) and filename != __file__ and not label:
            if isinstance(local.get("name"), str):
                label = local["name"]
            if isinstance(local.get("hint"), str):
                hint = local["hint"]
        tb = tb.tb_next
    # a class the student's code named itself could spell out the hidden inputs: not shown
    ename = "StudentError" if isinstance(exc, StudentError) else type(exc).__name__
    text = "a hidden test failed"
    if label:
        text += f": {label[:300]}"
    if getattr(exc, "from_student", None):
        text += f" ({exc.from_student} raised {ename})"  # type: ignore[attr-defined]
    if hint:
        text += f". Hint: {hint[:400]}"
    return ename, f"{text} (hidden tests check the rules of the visible ones, with other values)"


_PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


# --------------------------------------------------------------------------------------------
# the trusted process
# --------------------------------------------------------------------------------------------


class Runner:
    """The trusted side: runs locked and test cells, and calls into the kernel when needed."""

    def __init__(self, rx: Any, tx: Any) -> None:
        self.rx, self.tx = rx, tx
        self.ns: dict[str, Any] = {"__name__": "__main__", "__builtins__": builtins}
        self.given: set[str] = set()  # names that locked cells bind
        self.kernel_has: dict[str, str] = {}  # given name -> digest of the kernel's value
        self.go = False
        self.in_call = False
        self.errors: dict[str, type] = {}
        self.markers = ("", "")
        self.ahead: list[str] = []  # sources of the cells still to run, until names are asked
        self.looked_ahead = False
        self.reserved: set[str] = set()  # names given and test code binds (see from_kernel)

    # -- messages ---------------------------------------------------------------------------

    def send(self, message: dict) -> None:
        self.tx.write(json.dumps(message) + "\n")
        self.tx.flush()

    def receive(self) -> dict:
        line = self.rx.readline()
        if not line:
            raise SystemExit(0)
        return json.loads(line)

    def wait_for_go(self) -> None:
        while not self.go:
            self.go = self.receive().get("op") == "go"

    def kernel(self, request: dict, callbacks: dict[int, Callable] | None = None) -> dict:
        """Send a request to the kernel (through the grader); answer callbacks meanwhile."""
        self.wait_for_go()
        self.send({"op": "kernel", "text": wire.to_text(request)})
        while True:
            message = self.receive()
            if message.get("op") == "callback":
                self.send({"op": "callback-reply", "text": self.callback(message, callbacks)})
                continue
            if message.get("error"):
                name, text = message["error"]
                raise KernelUnavailable(text) if name != "Timeout" else TimeoutError(text)
            return wire.from_text(message.get("text"), 1 << 31)

    def callback(self, message: dict, callbacks: dict[int, Callable] | None) -> str:
        try:
            request = wire.from_text(message.get("text"), 1 << 28)
            function = (callbacks or {})[request["k"]]
            args = wire.decode(request.get("args", []))
            kwargs = wire.decode(request.get("kwargs", {"d": []}))
            return wire.to_text({"ok": True, "value": wire.encode(function(*args, **kwargs))})
        except Exception as exc:  # noqa: BLE001 - reported to the student's code
            return wire.to_text({"ok": False, "error": wire.error_pair(exc)})

    # -- names ------------------------------------------------------------------------------

    def resolve(self, code: types.CodeType) -> None:
        """Bind the names ``code`` needs that only the student's notebook defines.

        The first time, the names the rest of the plan will need are asked for too (one
        request instead of one per cell).
        """
        loads, stores = _names(code)
        unknown = sorted(self.from_kernel(loads - stores))
        if not unknown:
            return
        if self.ahead:
            unknown = sorted(set(unknown) | self.needed_ahead())
            self.ahead = []
        reply = self.kernel({"op": "resolve", "names": unknown})
        found = reply.get("names")
        if not isinstance(found, dict):
            return
        for name in unknown:
            entry = found.get(name)
            if not isinstance(entry, dict):
                continue
            if entry.get("kind") == "function":
                self.ns[name] = StudentFunction(self, name)
            elif entry.get("kind") == "data":
                with contextlib.suppress(wire.WireError):
                    self.ns[name] = wire.decode(entry.get("value"))

    def needed_ahead(self) -> set[str]:
        """Names the cells still to run read before binding them, and nothing here defines."""
        needed: set[str] = set()
        bound: set[str] = set()
        for source in self.ahead:
            text = "\n".join(line for line in source.split("\n")
                             if line.strip() not in self.markers)
            try:
                loads, stores = _names(compile(text, "<ahead>", "exec"))
            except SyntaxError:
                continue
            bound |= stores
            needed |= self.from_kernel(loads - bound)
        return needed

    def from_kernel(self, names: set[str]) -> set[str]:
        """Those of ``names`` that may come from the student's notebook: not builtins, not bound
        here, and never a name that given or test code binds (a given cell the submission moved
        after a test or deleted, or a test that failed before binding a name a later test reads,
        must not let the student's own value stand in for it)."""
        return {n for n in names - _BUILTINS - self.reserved if n not in self.ns}

    def changed_globals(self) -> dict[str, Any]:
        """Given plain-data globals whose value the kernel does not have yet."""
        pushes = {}
        for name in sorted(self.given):
            value = self.ns.get(name)
            size = _plain_size(value)
            if size is None or size > MAX_PUSH:
                continue
            fingerprint = wire.digest(value)
            if self.kernel_has.get(name) != fingerprint:
                pushes[name] = (value, fingerprint)
        return pushes

    # -- calls ------------------------------------------------------------------------------

    def exception(self, name: str, message: str, function: str, where: str = "") -> BaseException:
        kind = self.ns.get(name)
        if not (isinstance(kind, type) and issubclass(kind, Exception)):
            kind = getattr(builtins, name, None)
        if not (isinstance(kind, type) and issubclass(kind, Exception)):
            safe = name if name.isidentifier() else "StudentError"
            kind = self.errors.setdefault(safe, type(safe, (StudentError,), {}))
        try:
            exc = kind(message)
        except Exception:  # noqa: BLE001 - a class with an unusual constructor
            exc = StudentError(f"{name}: {message}")
        exc.from_student = function  # type: ignore[attr-defined]
        exc.learner_line = where  # type: ignore[attr-defined]
        return exc

    def call(self, name: str, args: tuple, kwargs: dict) -> Any:
        """Call the student's function ``name`` in the kernel (see the module docstring)."""
        if self.in_call:
            raise RuntimeError(f"{name} cannot be called from a function given to another "
                               "function of the notebook")
        callbacks: dict[int, Callable] = {}

        def ref(obj: Any) -> dict:
            if isinstance(obj, StudentFunction):
                return {"f": obj.__name__}
            callbacks[len(callbacks)] = obj
            return {"k": len(callbacks) - 1}

        try:
            encoded_args = wire.encode(list(args), ref)
            encoded_kwargs = wire.encode(dict(kwargs), ref)
        except wire.WireError as exc:
            raise TypeError(f"{name}: an argument cannot be sent to the notebook: {exc}") from None
        pushes = self.changed_globals()
        request = {
            "op": "call", "name": name, "args": encoded_args, "kwargs": encoded_kwargs,
            "globals": wire.encode({k: v for k, (v, _) in pushes.items()}),
        }
        self.in_call = True
        try:
            reply = self.kernel(request, callbacks)
        except TimeoutError as exc:
            raise TimeoutError(f"{name} {exc}") from None
        finally:
            self.in_call = False
        self.kernel_has.update({k: d for k, (_, d) in pushes.items()})
        if not reply.get("ok"):
            error = reply.get("error")
            if not (isinstance(error, list) and len(error) == 2):
                error = ["StudentError", "the call failed"]
            where = reply.get("where")
            raise self.exception(str(error[0])[:100], str(error[1])[:4000], name,
                                 where[:300] if isinstance(where, str) else "")
        try:
            value = wire.decode(reply.get("value"))
            changed = reply.get("changed") or {}
            for key, tree in changed.items() if isinstance(changed, dict) else ():
                after = wire.decode(tree)
                if key.startswith("=") and key[1:] in kwargs:
                    _write_back(kwargs[key[1:]], after)
                elif key.isdigit() and int(key) < len(args):
                    _write_back(args[int(key)], after)
        except wire.WireError as exc:
            raise self.exception("TypeError", f"{name} returned {exc}", name) from None
        return value

    # -- cells ------------------------------------------------------------------------------

    def run_given(self, source: str) -> None:
        """Run a locked cell; what it binds is 'given' (the kernel ran the same cell)."""
        try:
            code = compile(source, "<given code>", "exec")
        except SyntaxError:
            return
        before = {k: id(v) for k, v in self.ns.items()}
        self.given.update(_declared_globals(code))
        with contextlib.suppress(Exception), _captured():
            self.resolve(code)
            exec(code, self.ns)  # noqa: S102 - the instructor's code, from the gradebook
        for key, value in self.ns.items():
            if before.get(key) != id(value) and not isinstance(value, StudentFunction):
                self.given.add(key)
                size = _plain_size(value)
                if size is not None and size <= MAX_PUSH:
                    self.kernel_has[key] = wire.digest(value)  # the kernel ran this cell too

    def split(self, source: str) -> list[tuple[bool, str, types.CodeType | None]]:
        """The parts of a test cell, compiled (code None: a syntax error, reported on run).

        Hidden lines inside a block (they cannot run on their own) make the whole cell hidden.
        """
        parts = split_hidden(source, self.markers)
        try:
            return [(h, p, compile(p, "<hidden test>" if h else "<test>", "exec"))
                    for h, p in parts]
        except SyntaxError:
            whole = "\n".join(p for _, p in parts)
            if any(h for h, _ in parts):
                return [(True, whole, None)]
            return [(False, whole, None)]

    def run_parts(self, parts: list[tuple[bool, str, types.CodeType | None]],
                  outputs: list[dict]) -> str:
        """Run parts of a test cell, adding to ``outputs``; ``"pass"`` or ``"fail"``."""
        for hidden, part, code in parts:
            buffer = io.StringIO()
            try:
                if code is None:
                    code = compile(part, "<hidden test>" if hidden else "<test>", "exec")
                with _captured(buffer):
                    self.resolve(code)
                    exec(code, self.ns)  # noqa: S102 - the instructor's test code
            except Exception as exc:  # noqa: BLE001 - a failed test
                if hidden:
                    ename, evalue = _hidden_message(exc)
                else:
                    if buffer.getvalue():
                        outputs.append(_stream(buffer.getvalue()))
                    ename, evalue = type(exc).__name__, str(exc)
                    if getattr(exc, "learner_line", ""):
                        evalue += f"\n  at {exc.learner_line}"  # type: ignore[attr-defined]
                outputs.append(_error(ename, evalue))
                return "fail"
            if not hidden and buffer.getvalue():
                outputs.append(_stream(buffer.getvalue()))
        return "pass"

    def run(self) -> None:
        """Run the plan: given cells and the visible parts of the tests in notebook order, then
        the hidden parts, in notebook order too.

        No visible test runs after a hidden one: by then the student's code has seen hidden
        inputs and could hand them back as an answer, which a visible test's message would show.
        """
        plan = self.receive()
        cells = plan.get("cells", [])
        self.markers = tuple(plan.get("hidden", ("", "")))  # type: ignore[assignment]
        self.reserved = set(plan.get("trusted_names", []))
        later: list[tuple[int, list[dict], list]] = []
        for position, cell in enumerate(cells):
            if cell["kind"] == "given":
                self.run_given(cell["source"])  # waits for "go" only if it needs the kernel
                continue
            if not self.looked_ahead:
                self.looked_ahead = True
                self.ahead = [c["source"] for c in cells[position:]]
            self.wait_for_go()
            parts = self.split(cell["source"])
            outputs: list[dict] = []
            status = self.run_parts([p for p in parts if not p[0]], outputs)
            hidden = [p for p in parts if p[0]]
            if status == "pass" and hidden:
                later.append((position, outputs, hidden))
                self.send({"op": "progress"})
            else:
                self.send({"op": "result", "position": position, "status": status,
                           "outputs": outputs})
        for position, outputs, hidden in later:
            status = self.run_parts(hidden, outputs)
            self.send({"op": "result", "position": position, "status": status,
                       "outputs": outputs})
        self.send({"op": "done"})


@contextlib.contextmanager
def _captured(buffer: io.StringIO | None = None) -> Iterator[None]:
    target = buffer if buffer is not None else io.StringIO()
    with contextlib.redirect_stdout(target), contextlib.redirect_stderr(target):
        yield


def _stream(text: str) -> dict:
    return {"output_type": "stream", "name": "stdout", "text": text[:20000]}


def _error(ename: str, evalue: str) -> dict:
    return {"output_type": "error", "ename": ename, "evalue": evalue,
            "traceback": [f"{ename}: {evalue}"]}


def _run_tests(conversation: socket.socket) -> None:
    """One notebook's trusted process (a fork of the server): the protocol on ``conversation``."""
    np.random.seed()  # not the server's state: each process draws its own
    Runner(conversation.makefile("r", encoding="utf-8"),
           conversation.makefile("w", encoding="utf-8")).run()


def main() -> None:
    """Entry point of the fork server: its socket on stdin, nothing else there."""
    control = socket.socket(fileno=os.dup(0))
    null = os.open(os.devnull, os.O_RDWR)
    os.dup2(null, 0)
    os.dup2(null, 1)
    forkserver.serve(control, _run_tests)


# --------------------------------------------------------------------------------------------
# the grader's side
# --------------------------------------------------------------------------------------------


@dataclass
class PlannedCell:
    """A cell the trusted process runs: ``given`` (locked, not a test) or ``test``."""

    kind: str
    source: str
    index: int  # position in the notebook


@dataclass
class TrustedTests:
    """The trusted process of one notebook, seen from the grader.

    Parameters
    ----------
    plan : list of PlannedCell
        The locked cells and the test cells, in notebook order, with trusted source.
    """

    plan: list[PlannedCell]
    test_cells: dict[int, str] = field(default_factory=dict)
    trusted_names: list[str] = field(default_factory=list)
    child: Child | None = None
    workdir: str = ""
    results: dict[int, dict] = field(default_factory=dict)
    _buffer: bytes = b""

    def start(self) -> None:
        """Start the process; it runs the leading given cells while the kernel works."""
        self.workdir = tempfile.mkdtemp(prefix="mml-trusted-")
        self.child = _server().spawn(self.workdir, _environment(),
                                     library_imports(c.source for c in self.plan))
        from mml.grading.cells import HIDDEN_BEGIN, HIDDEN_END  # noqa: PLC0415 - grader side

        cells = [{"kind": c.kind, "source": c.source} for c in self.plan]
        self._send({"op": "plan", "cells": cells, "hidden": [HIDDEN_BEGIN, HIDDEN_END],
                    "trusted_names": self.trusted_names})

    def _send(self, message: dict) -> None:
        assert self.child is not None
        self.child.sock.sendall((json.dumps(message) + "\n").encode())

    def _receive(self, deadline: float) -> dict | None:
        """The next message, or None at the deadline or if the process ended."""
        assert self.child is not None
        fd = self.child.sock.fileno()
        while b"\n" not in self._buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            ready, _, _ = select.select([fd], [], [], remaining)
            if not ready:
                return None
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                return None
            self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        return json.loads(line)

    def run(
        self,
        kernel: Callable[[str, float, Callable[[str], str]], tuple[str | None, list | None]],
        cell_timeout: float,
        deadline: float | None = None,
    ) -> dict[int, dict]:
        """Run the tests, sending the process's kernel requests to ``kernel``.

        Parameters
        ----------
        kernel : callable
            ``kernel(text, deadline, callback)`` sends a request to the student's kernel and
            returns ``(reply text, None)`` or ``(None, [error name, message])``; meanwhile it
            calls ``callback(text)`` for each question of the kernel and sends back its answer.
        cell_timeout : float
            Seconds each test cell may take.
        deadline : float, optional
            ``time.monotonic()`` after which no more tests start (the notebook's budget).

        Returns
        -------
        dict
            Notebook cell index -> ``{"status": ..., "outputs": [...]}`` for every test cell.
        """
        tests = [c for c in self.plan if c.kind == "test"]

        def budget() -> float:  # for the next part of a test
            until = time.monotonic() + cell_timeout
            return until if deadline is None else min(until, max(deadline, time.monotonic() + 1))

        self._send({"op": "go"})
        done = 0
        while done < len(tests):
            cell_deadline = budget()
            while True:
                message = self._receive(cell_deadline)
                if message is None:
                    return self._give_up(tests, done, cell_timeout)
                if message.get("op") == "kernel":
                    text, error = kernel(message.get("text", ""), cell_deadline,
                                         self._callback(cell_deadline))
                    if error is not None and time.monotonic() >= cell_deadline:
                        # the call took the test's time: a moment more to report its failure
                        cell_deadline = time.monotonic() + REPORT_GRACE
                    reply = {"op": "kernel-reply", "text": text} if error is None else {
                        "op": "kernel-reply", "error": error}
                    self._send(reply)
                elif message.get("op") == "progress":  # a visible part done: a new budget
                    cell_deadline = budget()
                elif message.get("op") == "result":
                    cell = self.plan[message["position"]]
                    self.results[cell.index] = {
                        "status": message.get("status"), "outputs": message.get("outputs", [])}
                    done += 1
                    break
                elif message.get("op") == "done":
                    return self._give_up(tests, done, cell_timeout)
        return self.results

    def _callback(self, deadline: float) -> Callable[[str], str]:
        def ask(text: str) -> str:
            self._send({"op": "callback", "text": text})
            while True:
                message = self._receive(deadline)
                if message is None:
                    return wire.to_text({"ok": False, "error": ["TimeoutError", "no answer"]})
                if message.get("op") == "callback-reply":
                    return str(message.get("text", ""))

        return ask

    def _give_up(self, tests: list[PlannedCell], done: int, cell_timeout: float) -> dict:
        """The process is stuck or gone: the remaining tests fail with a reason."""
        ended = self.child is not None and self.child.ended()
        self.stop()
        error = _error("TestRunnerStopped", "the test runner stopped") if ended else _error(
            "CellTimeoutError", f"the test did not finish within {cell_timeout:g} s")
        for cell in tests[done:]:
            self.results.setdefault(cell.index, {"status": "fail", "outputs": [error]})
        return self.results

    def stop(self) -> None:
        """Stop the process and remove its working directory."""
        if self.child is not None:
            self.child.kill()
            self.child.close()
            self.child = None
        if self.workdir:
            import shutil  # noqa: PLC0415

            shutil.rmtree(self.workdir, ignore_errors=True)
            self.workdir = ""


def library_imports(sources: Iterable[str]) -> list[str]:
    """The modules that ``sources`` import, except the course's own (``mml``, whose modules
    register exercises when imported) and relative imports: what the fork server may import."""
    found: list[str] = []
    for source in sources:
        try:
            tree = ast.parse(source)
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                if name.split(".")[0] not in ("mml", "__future__") and name not in found:
                    found.append(name)
    return found


_SERVER: list[ForkServer] = []  # the fork server of this grading process, started on first use
_SERVER_LOCK = threading.Lock()


def _environment() -> dict[str, str]:
    """The environment of a trusted process: the grader's, for unattended plotting."""
    env = dict(os.environ, MPLBACKEND="Agg", MML_UNATTENDED="1", PYTHONDONTWRITEBYTECODE="1")
    env.pop("NBGRADER_EXECUTION", None)
    return env


def _server() -> ForkServer:
    """This process's fork server for trusted processes."""
    with _SERVER_LOCK:
        if not _SERVER:
            _SERVER.append(ForkServer([sys.executable, "-m", "mml.grading.trusted"],
                                      _environment(), tempfile.gettempdir()))
        return _SERVER[0]


@atexit.register
def _close_server() -> None:
    with _SERVER_LOCK:
        while _SERVER:
            _SERVER.pop().close()


def trusted_plan(nb: Any, meta: dict) -> TrustedTests | None:
    """What the trusted process runs for notebook ``nb``, or None if it has no test cells.

    The roles and the source of the cells come from the gradebook (``meta`` is nbgrader's
    ``resources["nbgrader"]`` with ``db_url``, ``assignment`` and ``notebook``), never from the
    submission; only the order is the notebook's. Without a gradebook (a notebook run outside
    ``autograde``), the notebook's own metadata is used.

    Parameters
    ----------
    nb : NotebookNode
        The notebook being graded (after nbgrader restored its locked cells).
    meta : dict
        nbgrader's resources for this notebook.

    Returns
    -------
    TrustedTests or None
        Every test cell and the given (locked) cells that bind a name a later test needs (or
        that such a cell needs), once, in notebook order; ``test_cells`` maps the notebook
        index of every test cell (copies too) to its ``grade_id``; ``trusted_names`` are the
        names any given or test cell of the gradebook binds, which are never asked from the
        kernel.
    """
    roles: dict[str, tuple[str, str]] = {}
    if meta.get("db_url") and meta.get("assignment") and meta.get("notebook"):
        from nbgrader.api import Gradebook  # noqa: PLC0415

        with Gradebook(meta["db_url"]) as gb:
            source_nb = gb.find_notebook(meta["notebook"], meta["assignment"])
            graded = {c.name for c in source_nb.grade_cells}
            answers = {c.name for c in source_nb.solution_cells}
            for cell in source_nb.source_cells:
                if cell.cell_type != "code" or cell.name in answers:
                    continue
                if cell.name in graded:
                    roles[cell.name] = ("test", cell.source)
                elif cell.locked:
                    roles[cell.name] = ("given", cell.source)
    else:
        for cell in nb.cells:
            nbg = cell.get("metadata", {}).get("nbgrader", {})
            if cell.cell_type != "code" or nbg.get("solution") or not nbg.get("grade_id"):
                continue
            if nbg.get("grade") or nbg.get("locked"):
                roles[nbg["grade_id"]] = ("test" if nbg.get("grade") else "given", cell.source)
    trusted_names: set[str] = set()
    for _, source in roles.values():
        code = _compiled(source)
        if code is not None:
            trusted_names |= _names(code)[1] | _declared_globals(code)
    plan: list[PlannedCell] = []
    tests: dict[int, str] = {}
    for index, cell in enumerate(nb.cells):
        name = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if cell.cell_type != "code" or name not in roles:
            continue
        kind, source = roles.pop(name) if name in roles else (None, "")
        if kind == "test":
            tests[index] = name
        plan.append(PlannedCell(kind, source, index))
    for index, cell in enumerate(nb.cells):  # copies of a test cell get the test's outcome
        name = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if cell.cell_type == "code" and name in tests.values():
            tests[index] = name
    if not tests:
        return None
    return TrustedTests(plan=_needed(plan), test_cells=dict(sorted(tests.items())),
                        trusted_names=sorted(trusted_names))


def _compiled(source: str) -> types.CodeType | None:
    """``source`` compiled without its ``###`` marker lines, or None (IPython syntax)."""
    text = "\n".join(line for line in source.split("\n") if not line.lstrip().startswith("###"))
    try:
        return compile(text, "<cell>", "exec")
    except SyntaxError:
        return None


def _needed(plan: list[PlannedCell]) -> list[PlannedCell]:
    """The plan without the given cells whose names no later test needs (pictures, demos that
    call the student's functions): they ran in the kernel already."""
    needed: set[str] = set()
    kept: list[PlannedCell] = []
    for cell in reversed(plan):
        code = _compiled(cell.source)
        if code is None:
            if kept:  # IPython syntax: keep it, needing nothing we could name
                kept.append(cell)
            continue
        loads, stores = _names(code)
        if cell.kind == "given" and not (stores | _declared_globals(code)) & needed:
            continue
        if cell.kind == "test" or kept:
            kept.append(cell)
            needed |= loads
    return kept[::-1]


if __name__ == "__main__":
    main()
