"""The grading sandbox (``mml.grading.sandbox``), ``mml grade`` and the checks.

Kernel tests run one small notebook in the real bubblewrap sandbox and look at what it could
see and do; they are skipped, with the reason shown, when bubblewrap is unavailable. The other
tests (sizes, refusal without bubblewrap, the checks) always run. Test cells of a graded
notebook run in the trusted process (``mml.grading.trusted``), never in the kernel.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import textwrap
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from mml.grading import command, sandbox

PROBLEM = sandbox.bwrap_problem()
needs_bwrap = pytest.mark.skipif(
    PROBLEM is not None, reason=f"bubblewrap unavailable, sandbox not tested: {PROBLEM}"
)


# ---------------------------------------------------------------------------------------------
# settings and refusal
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "size"),
    [("2G", 2 * 1024**3), ("512M", 512 * 1024**2), ("100k", 102400), ("4096", 4096),
     ("1.5G", int(1.5 * 1024**3)), (7, 7), ("3 MB", 3 * 1024**2)],
)
def test_parse_size(text: str | int, size: int) -> None:
    assert sandbox.parse_size(text) == size


def test_parse_size_rejects_nonsense() -> None:
    with pytest.raises(ValueError, match="not a size"):
        sandbox.parse_size("lots")


def test_limits_follow_the_settings() -> None:
    from traitlets.config import Config

    config = Config()
    config.Sandbox.memory_limit = "1G"
    config.Sandbox.cpu_time_limit = 30
    config.Sandbox.max_processes = 50
    limits = sandbox.Sandbox(config=config).limits()
    assert limits["RLIMIT_AS"] == (1024**3, 1024**3)
    assert limits["RLIMIT_CPU"][0] == 30
    assert limits["RLIMIT_NPROC"] == (50, 50)
    assert limits["RLIMIT_CORE"] == (0, 0)


def test_refuses_without_bubblewrap() -> None:
    settings = sandbox.Sandbox(bwrap="/nonexistent/bwrap-for-test")
    with pytest.raises(sandbox.SandboxUnavailable, match="apt-get install bubblewrap"):
        sandbox.require_sandbox(settings)
    settings.allow_unsafe = True
    assert sandbox.require_sandbox(settings) is False


def test_mml_grade_refuses_without_bubblewrap(tmp_path: Path, capsys) -> None:
    (tmp_path / "nbgrader_config.py").write_text(
        "c = get_config()\nc.Sandbox.bwrap = '/nonexistent/bwrap-for-test'\n"
    )
    parser = argparse.ArgumentParser()
    command.add_arguments(parser)
    args = parser.parse_args(["some-assignment", "--course-dir", str(tmp_path)])
    assert command.run(args) == 2
    err = capsys.readouterr().err
    assert "refusing to grade" in err and "--unsafe-no-sandbox" in err


def test_exit_status_in_plain_words() -> None:
    assert "segmentation fault" in str(sandbox._exit_status_incident(139, None))
    assert "CPU time" in str(sandbox._exit_status_incident(128 + 24, None))
    assert "exit code 3" in str(sandbox._exit_status_incident(3, None))
    assert "killed" in str(sandbox._exit_status_incident(137, None))


def test_checks_accept_only_plain_numbers() -> None:
    import numpy as np

    from mml import checks

    class AlwaysEqual:
        def __eq__(self, other: object) -> bool:
            return True

    class Sub(np.ndarray):
        pass

    class MyInt(int):
        def __eq__(self, other: object) -> bool:
            return True

    for call, args in [
        (checks.check_close, (AlwaysEqual(), [1.0])),
        (checks.check_close, (np.array([AlwaysEqual()], dtype=object), [1.0])),
        (checks.check_close, (np.zeros(1).view(Sub), [0.0])),
        (checks.check_equal, (AlwaysEqual(), True)),
        (checks.check_equal, (MyInt(3), 4)),
        (checks.check_close, ([1.0], [3.0])),
    ]:
        with pytest.raises(checks.CheckFailed):
            call(*args)
    checks.check_close([1.0, 2.0], [1, 2])  # the right answer passes
    checks.check_equal(np.True_, True)


# ---------------------------------------------------------------------------------------------
# a kernel in the sandbox
# ---------------------------------------------------------------------------------------------


PROBES = [
    # name, code; each prints one JSON line
    ("whoami", "import os, json; print(json.dumps({'uid': os.getuid(), 'cwd': os.getcwd(), "
               "'files': sorted(os.listdir('.')), 'home': os.path.expanduser('~')}))"),
    ("network", """
import json, socket
result = {}
for host, port in [('1.1.1.1', 80), ('127.0.0.1', PORT)]:
    try:
        socket.create_connection((host, port), timeout=2).close()
        result[host] = 'connected'
    except OSError as exc:
        result[host] = type(exc).__name__
print(json.dumps(result))"""),
    ("visible", """
import json, os
paths = {p: os.path.exists(p) for p in ['../../source', '../../../source', 'SECRET', 'COURSE',
         'COURSE/gradebook.db', 'REPO/source', 'REPO/tests', 'REPO/nbgrader_config.py']}
home = sorted(os.listdir('HOSTHOME')) if os.path.isdir('HOSTHOME') else []
print(json.dumps({'paths': paths, 'home': home}))"""),
    ("data", """
import json, os
d = os.environ.get('MML_DATA_DIR')
try:
    open(os.path.join(d, 'x.txt'), 'w')
    writable = True
except OSError:
    writable = False
files = sorted(os.listdir(d)) if d else []
print(json.dumps({'dir': d, 'files': files, 'writable': writable}))"""),
    ("writes", """
import json, os
result = {}
for path in ['here.txt', '/tmp/t.txt', 'REPO/mml/evil.py', '/usr/evil', 'VENV/evil']:
    try:
        with open(path, 'w') as handle:
            handle.write('x')
        result[path] = 'written'
    except OSError as exc:
        result[path] = type(exc).__name__
print(json.dumps(result))"""),
    ("memory", """
import json
try:
    block = bytearray(8 * 1024**3)
    outcome = 'allocated'
except MemoryError:
    outcome = 'MemoryError'
print(json.dumps({'outcome': outcome}))"""),
    ("limits", """
import json, resource
print(json.dumps({n: resource.getrlimit(getattr(resource, n))[0]
                  for n in ['RLIMIT_AS', 'RLIMIT_NPROC', 'RLIMIT_FSIZE', 'RLIMIT_CPU']}))"""),
    ("environment", "import json, os; print(json.dumps(sorted(os.environ)))"),
    ("imports", "import json, numpy, mml.checks, mml.data; print(json.dumps(numpy.__version__))"),
]


@pytest.fixture(scope="module")
def probed(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Run the probes in one sandboxed kernel, from inside a fake course."""
    import socket

    from traitlets.config import Config

    course = tmp_path_factory.mktemp("course")
    work = course / "autograded" / "alice" / "hw"
    work.mkdir(parents=True)
    (work / "answer.txt").write_text("mine")
    (work / "hw.ipynb").write_text("{}")  # the notebook itself must not be copied in
    (course / "source" / "hw").mkdir(parents=True)
    (course / "source" / "hw" / "SECRET").write_text("solution")
    (course / "gradebook.db").write_text("db")
    data = course / "data"
    data.mkdir()
    (data / "numbers.csv").write_text("1,2,3\n")
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    server.settimeout(0.1)
    replace = {"PORT": str(server.getsockname()[1]), "COURSE": str(course),
               "SECRET": str(course / "source" / "hw" / "SECRET"), "HOSTHOME": str(Path.home()),
               "REPO": str(Path(sandbox.__file__).resolve().parent.parent), "VENV": sys.prefix}
    cells = []
    for _, code in PROBES:
        for key, value in replace.items():
            code = code.replace(key, value)
        cells.append(new_code_cell(code.strip()))
    nb = new_notebook(cells=cells)
    nb.metadata.kernelspec = {"name": "python3", "display_name": "Python 3", "language": "python"}
    config = Config()
    config.Sandbox.course_root = str(course)
    config.Sandbox.memory_limit = "1G"
    os.environ["MML_TEST_SECRET_TOKEN"] = "do-not-leak"
    try:
        ep = sandbox.SandboxedExecute(config=config, timeout=60)
        ep.preprocess(nb, {"metadata": {"path": str(work)},
                           "nbgrader": {"student": "alice", "assignment": "hw", "notebook": "hw"}})
    finally:
        del os.environ["MML_TEST_SECRET_TOKEN"]
    try:
        server.accept()
        connected = True
    except OSError:
        connected = False
    server.close()
    results = {"_host_connected": connected, "_work": work}
    for (name, _), cell in zip(PROBES, nb.cells, strict=True):
        text = "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")
        errors = [o for o in cell.outputs if o.output_type == "error"]
        assert not errors, f"{name}: {errors[0].ename}: {errors[0].evalue}"
        results[name] = json.loads(text.strip().splitlines()[-1])
    return results


@needs_bwrap
def test_kernel_runs_unprivileged_in_a_private_copy(probed: dict) -> None:
    who = probed["whoami"]
    assert who["uid"] != 0
    assert who["cwd"] == "/home/student/hw"
    assert who["files"] == ["answer.txt"]  # a copy of the submission, without the notebook
    assert who["home"] == "/home/student"


@needs_bwrap
def test_no_network(probed: dict) -> None:
    assert probed["network"]["1.1.1.1"] != "connected"
    assert probed["network"]["127.0.0.1"] != "connected"
    assert probed["_host_connected"] is False


@needs_bwrap
def test_course_and_home_are_invisible(probed: dict) -> None:
    assert not any(probed["visible"]["paths"].values()), probed["visible"]
    # the home folder shows at most the way to the Python installation (e.g. ~/.pyenv)
    allowed = set()
    for path in (sys.base_prefix, sys.prefix):
        allowed |= set(Path(path).parts)
    assert set(probed["visible"]["home"]) <= allowed, probed["visible"]["home"]


@needs_bwrap
def test_data_is_readable_and_read_only(probed: dict) -> None:
    data = probed["data"]
    assert data["dir"] and "numbers.csv" in data["files"]
    assert data["writable"] is False


@needs_bwrap
def test_only_the_private_copy_is_writable(probed: dict) -> None:
    writes = probed["writes"]
    assert writes["here.txt"] == "written" and writes["/tmp/t.txt"] == "written"
    assert all(v != "written" for k, v in writes.items() if k not in ("here.txt", "/tmp/t.txt"))
    assert not (probed["_work"] / "here.txt").exists()  # nothing comes back to the host


@needs_bwrap
def test_memory_bomb_fails_cleanly(probed: dict) -> None:
    assert probed["memory"]["outcome"] == "MemoryError"


@needs_bwrap
def test_limits_are_set(probed: dict) -> None:
    limits = probed["limits"]
    assert limits["RLIMIT_AS"] == 1024**3
    assert limits["RLIMIT_NPROC"] == 128
    assert limits["RLIMIT_FSIZE"] == 100 * 1024**2
    assert limits["RLIMIT_CPU"] == 600


@needs_bwrap
def test_environment_is_clean(probed: dict) -> None:
    assert "MML_TEST_SECRET_TOKEN" not in probed["environment"]
    assert "MML_DATA_DIR" in probed["environment"]


@needs_bwrap
def test_course_packages_import(probed: dict) -> None:
    assert probed["imports"]


def test_notebook_for_probes_is_valid() -> None:
    nb = new_notebook(cells=[new_code_cell(code) for _, code in PROBES])
    nbformat.validate(nb)


# ---------------------------------------------------------------------------------------------
# test cells run in the trusted process, the answers in the kernel
# ---------------------------------------------------------------------------------------------


def _cell(source: str, **nbgrader: object) -> nbformat.NotebookNode:
    cell = new_code_cell(source)
    if nbgrader:
        cell.metadata["nbgrader"] = {"schema_version": 3, "solution": False, **nbgrader}
    return cell


@needs_bwrap
def test_tests_run_outside_the_kernel(tmp_path: Path) -> None:
    """The kernel never sees a test's code, frame or expected value; grades come from outside."""
    given = _cell("import numpy as np\nfrom mml import checks\nSCALE = 2.0",
                  locked=True, grade_id="given")
    answer = _cell(textwrap.dedent("""
        import inspect, sys
        seen = []
        def f(x):
            # look for the test's names in every frame of the call (and in the interpreter)
            for frame in inspect.stack():
                seen.extend(k for k in frame.frame.f_globals if k.startswith("expected"))
            seen.extend(m for m in sys.modules if "trusted" in m)
            print("EXPECTED", seen)
            return SCALE * x + 1e-3 * len(seen)
        def g(v):
            v *= SCALE
    """), solution=True, grade_id="answer")
    visible = _cell("expected_1 = 6.0\nchecks.check_close(f(3.0), expected_1, 'f(3)')",
                    grade=True, locked=True, points=1, grade_id="t_visible")
    hidden = _cell("### BEGIN HIDDEN TESTS\nv = np.ones(2)\ng(v)\n"
                   "checks.check_close(v, [2.0, 2.0], 'v after g(v)')\n"
                   "expected_2 = 17.5\nchecks.check_close(f(8.75), expected_2, 'f(secret)')\n"
                   "### END HIDDEN TESTS", grade=True, locked=True, points=1, grade_id="t_hidden")
    later = _cell("print(seen)")
    nb = new_notebook(cells=[given, answer, visible, hidden, later])
    nb.metadata.kernelspec = {"name": "python3", "display_name": "Python 3", "language": "python"}
    ep = sandbox.SandboxedExecute(timeout=60)
    ep.preprocess(nb, {"metadata": {"path": str(tmp_path)}})
    outputs = {c.metadata.get("nbgrader", {}).get("grade_id", i): c.outputs
               for i, c in enumerate(nb.cells)}
    assert outputs["t_visible"] == [], outputs["t_visible"]  # passed: the answer was right
    assert outputs["t_hidden"] == [], outputs["t_hidden"]  # in place: v came back changed
    assert "expected" not in json.dumps(outputs[4])  # nothing of the tests reached the kernel
    assert "8.75" not in json.dumps(outputs[4])  # the kernel's later prints show no call


@needs_bwrap
def test_a_message_over_the_limit_never_reaches_the_grader(tmp_path: Path) -> None:
    """A kernel's message larger than ``Sandbox.message_limit`` is dropped at the connection:
    the grader never holds it in memory. The connection is lost with it, so the kernel is
    stopped and the rest of the notebook is not run (the grader itself carries on)."""
    from traitlets.config import Config

    config = Config()
    config.Sandbox.message_limit = "1M"
    config.Sandbox.output_limit = "100M"  # so that only the message limit can drop it
    nb = new_notebook(cells=[new_code_cell("print('x' * 3_000_000)"),
                             new_code_cell("print('small', 'y' * 500_000)")])
    nb.metadata.kernelspec = {"name": "python3", "display_name": "Python 3", "language": "python"}
    sandbox.SandboxedExecute(config=config, timeout=60).preprocess(
        nb, {"metadata": {"path": str(tmp_path)}})
    assert "xxxx" not in json.dumps(nb.cells[0].outputs)
    assert "KernelStopped" in json.dumps(nb.cells[1].outputs)


def test_feedback_keeps_text_and_images_of_outputs_only() -> None:
    from mml.grading.nbgrader_ext import SanitizeOutputs

    cell = new_code_cell("x")
    cell.outputs = [
        nbformat.v4.new_output("display_data", data={
            "text/html": "<script>steal()</script>", "text/plain": "<HTML object>",
            "image/png": "iVBOR"}),
        nbformat.v4.new_output("display_data", data={"application/javascript": "steal()"}),
        nbformat.v4.new_output("display_data", data={"image/svg+xml": "<svg><script/></svg>"}),
    ]
    SanitizeOutputs().preprocess_cell(cell, {}, 0)
    assert cell.outputs[0].data == {"text/plain": "<HTML object>", "image/png": "iVBOR"}
    assert "steal" not in json.dumps(cell.outputs)


def test_validate_runs_the_tests_in_the_students_kernel(tmp_path: Path) -> None:
    """With the course's configuration, nbgrader's *Validate* (and so JupyterLab's button) still
    runs every test cell in the learner's own kernel, next to the answers: the process id the
    answer saw is the test's own, which in the trusted process it would not be."""
    from nbgrader.validator import Validator

    from mml.grading.course import REPO_ROOT
    from mml.grading.session import load_config

    answer = _cell("import os\nKERNEL = os.getpid()\n\ndef f(x):\n    return 2 * x",
                   solution=True, grade=False, locked=False, grade_id="answer")
    same = _cell("import os\nassert os.getpid() == KERNEL, 'not in the kernel'\n"
                 "checks.check_close(f(2), 4, 'f(2)')", grade=True, locked=True, points=1,
                 grade_id="t_same_process")
    failing = _cell("checks.check_close(f(3), 7, 'f(3)')", grade=True, locked=True, points=1,
                    grade_id="t_fails")
    setup = _cell("from mml import checks", locked=True, grade=False, grade_id="setup")
    nb = new_notebook(cells=[setup, answer, same, failing])
    nb.metadata.kernelspec = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = tmp_path / "validate.ipynb"
    nbformat.write(nb, path)
    results = Validator(config=load_config(str(REPO_ROOT))).validate(str(path))
    assert [r["source"] for r in results.get("failed", [])] == [failing.source], results
    assert "f(3)" in results["failed"][0]["raw_error"]
