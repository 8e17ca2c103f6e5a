"""Malicious and broken submissions, graded for real by ``mml grade`` in the sandbox.

One course directory, one grading run: honest students (graded first and last) and one student
per attack. Cell attacks are answer files in ``tests/adversarial/<assignment>/<notebook>/`` (the
format of ``tests/answers``, plus ``# expect:`` words that the grading summary must contain);
notebook and file attacks (deleted or edited test cells, corrupt JSON, links, huge files...) are
built below. For every attack we assert, after the run:

* grading finished and the student is in the gradebook;
* the tests the attack targets score 0, every other test keeps full marks;
* the summary says what went wrong in plain words;
* the honest students' scores are what they should be;
* ``submitted/`` is byte-identical before and after; the gradebook is consistent;
* the attack's side effect is absent (files written outside, network connections, leftover
  processes, huge outputs, solution or hidden-test text or inputs in outputs and feedback).

Test cells run in the grader's trusted process (``mml.grading.trusted``), the answers in the
sandboxed kernel: attacks on the test's frames, names, the checks or the kernel's replies can
only spoil the attacker's own answers.

Needs bubblewrap: without it the module is skipped, with the reason shown.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import socket
import sqlite3
import threading
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import pytest

from mml.authoring import classroom, submissions
from mml.grading import cells, course
from mml.grading.sandbox import LAUNCHED, bwrap_problem

ASSIGNMENT = "la-w3-special-matrices"
NOTEBOOK = "special_matrices"
ATTACKS_DIR = Path(__file__).parent / "adversarial" / ASSIGNMENT / NOTEBOOK
ANSWERS_DIR = course.REPO_ROOT / "tests" / "answers"
TESTS = (
    "test_fixRowTwo_visible", "test_fixRowTwo_hidden", "test_fixRowThree_visible",
    "test_fixRowThree_hidden", "test_isSingular_hidden",
)
ALL = frozenset(TESTS)
WRONG_ANSWERS = {
    "fixRowTwo": "def fixRowTwo(A):\n    return A",
    "fixRowThree": "def fixRowThree(A):\n    return A",
}
CELL_TIMEOUT = 5

PROBLEM = bwrap_problem()
if PROBLEM is not None:
    pytest.skip(f"bubblewrap unavailable, sandbox tests skipped: {PROBLEM}",
                allow_module_level=True)
if not (course.REPO_ROOT / "source" / ASSIGNMENT / f"{NOTEBOOK}.ipynb").exists():
    pytest.skip(f"{ASSIGNMENT}/{NOTEBOOK} is not in source/", allow_module_level=True)

pytestmark = pytest.mark.xdist_group("adversarial")


@dataclass
class Attack:
    """One malicious or broken submission."""

    student: str
    description: str
    fails: frozenset[str]
    expect: tuple[str, ...] = ()
    answers: dict[str, str] = field(default_factory=dict)


# ---------------------------------------------------------------------------------------------
# building the submissions
# ---------------------------------------------------------------------------------------------


def _cell_attacks() -> list[Attack]:
    attacks = []
    for path in sorted(ATTACKS_DIR.glob("*.py")):
        parsed = submissions.parse_answer_file(path)
        expect: tuple[str, ...] = ()
        for line in path.read_text().splitlines():
            if line.startswith("# expect:"):
                words = [w.strip() for w in line[len("# expect:"):].split(",")]
                expect = tuple(w for w in words if w and w != "none")
        attacks.append(Attack(
            student="attack-" + path.stem.replace("_", "-"),
            description=parsed.description,
            fails=frozenset(parsed.fails),
            expect=expect,
            answers=parsed.cells,
        ))
    return attacks


FILE_ATTACKS = [
    Attack("attack-delete-test-cells", "deletes every test cell, answers wrong", ALL),
    Attack("attack-edit-test-cells", "replaces test code by `pass`, fixes the checksums, turns a "
           "test into an answer cell and another into an ungraded cell; answers wrong", ALL),
    Attack("attack-delete-setup-cells", "deletes the locked setup and given-code cells and "
           "defines its own `checks`, `np` and `isSingular`; answers wrong", ALL),
    Attack("attack-duplicate-test-ids", "adds harmless cells that claim the test cells' ids, "
           "before the real ones; answers wrong", ALL),
    Attack("attack-corrupt-metadata", "nbgrader metadata of a newer schema, a test cell marked "
           "as worth 100 points; answers wrong", ALL),
    Attack("attack-corrupt-json", "the notebook file is truncated JSON", ALL,
           ("not valid notebook json",)),
    Attack("attack-empty-file", "the notebook file is empty", ALL, ("empty file",)),
    Attack("attack-renamed-notebook", "the notebook was renamed", ALL,
           ("missing", "unexpected notebook")),
    Attack("attack-missing-notebook", "only a text file was handed in", ALL, ("missing",)),
    Attack("attack-notebook-links-to-source", "the notebook is a symbolic link to the "
           "instructor's source notebook (with the solutions)", ALL, ("symbolic link",)),
    Attack("attack-file-links-to-source", "hands in a link to the source notebook next to a "
           "notebook that reads and runs it", frozenset(
               {"test_fixRowTwo_visible", "test_fixRowTwo_hidden", "test_isSingular_hidden"}),
           ("symbolic link",)),
    Attack("attack-huge-extra-file", "reference answers plus a 150 MB file", frozenset(),
           ("too large",)),
    Attack("attack-move-given-cells", "moves the given-code cell after the tests and redefines "
           "isSingular (by NumPy's rank) in a cell after it; answers wrong", ALL),
    Attack("attack-extra-cells", "records the arguments of every call and adds cells after "
           "each test cell and at the end that print them, one of them claiming to be a test of "
           "its own; answers wrong", frozenset(
               {"test_fixRowTwo_visible", "test_fixRowTwo_hidden", "test_isSingular_hidden"})),
]
ATTACKS = _cell_attacks() + FILE_ATTACKS
HONEST = {
    "aaa-honest-reference": 7.0,
    "aaa-honest-blank": 0.0,
    "zzz-honest-reference": 7.0,
}
HONEST_WRONG = "zzz-honest-wrong"
STEAL_FROM_LINK = (
    "import json\n"
    "fixRowTwo = None\n"
    "try:\n"
    "    for cell in json.load(open('stolen.json'))['cells']:\n"
    "        if 'def fixRowTwo' in ''.join(cell['source']):\n"
    "            exec(''.join(cell['source']))\n"
    "except Exception as exc:\n"
    "    print('could not steal', exc)\n"
    "if fixRowTwo is None:\n"
    "    def fixRowTwo(A):\n"
    "        return A\n"
)
RECORD_CALLS = "SEEN = []\n\n\ndef fixRowTwo(A):\n    SEEN.append(A.tolist())\n    return A\n"
PRINT_CALLS = "print('EXTRA', SEEN)"


@dataclass
class Run:
    """The grading run shared by all tests of this module."""

    root: Path
    results: dict
    canary: str
    connections: list
    submitted_before: dict
    submitted_after: dict
    launched: list
    source_nb: nbformat.NotebookNode
    honest_wrong_fails: frozenset[str]
    feedback_log: str


def _write(nb: nbformat.NotebookNode, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    cells.write(nb, folder / f"{NOTEBOOK}.ipynb")


def _substitute(nb: nbformat.NotebookNode, values: dict[str, str]) -> nbformat.NotebookNode:
    for cell in nb.cells:
        for key, value in values.items():
            cell.source = cell.source.replace(f"@@{key}@@", value)
    return nb


def _gid(cell: nbformat.NotebookNode) -> str | None:
    return cells.grade_id(cell) if cells.nbgrader_meta(cell) else None


def _file_attack(attack: Attack, folder: Path, source_nb, release_nb, root: Path) -> None:
    wrong = submissions.fill_answers(release_nb, WRONG_ANSWERS)
    reference = submissions.reference_submission(source_nb, release_nb)
    source_path = root / "source" / ASSIGNMENT / f"{NOTEBOOK}.ipynb"
    name = attack.student
    folder.mkdir(parents=True, exist_ok=True)
    if name == "attack-delete-test-cells":
        wrong.cells = [c for c in wrong.cells if _gid(c) not in TESTS]
        _write(wrong, folder)
    elif name == "attack-edit-test-cells":
        from nbgrader.utils import compute_checksum

        for cell in wrong.cells:
            gid = _gid(cell)
            if gid in TESTS:
                cell.source = "pass"
                meta = cell.metadata.nbgrader
                if gid == "test_fixRowTwo_visible":
                    meta["grade"] = False
                elif gid == "test_fixRowTwo_hidden":
                    meta["solution"] = True
                    meta["locked"] = False
                meta["checksum"] = compute_checksum(cell)
        _write(wrong, folder)
    elif name == "attack-delete-setup-cells":
        fake = nbformat.v4.new_code_cell(
            "import numpy as np\n\n\n"
            "class checks:\n"
            "    @staticmethod\n"
            "    def check_close(*args, **kwargs):\n"
            "        pass\n\n"
            "    check_equal = check_raises = check_true = check_close\n\n\n"
            "class MatrixIsSingular(Exception):\n"
            "    pass\n\n\n"
            "def isSingular(A):\n"
            "    return bool(np.linalg.matrix_rank(np.asarray(A, dtype=float)) < 4)\n\n\n"
            "def fixRowZero(A):\n"
            "    return A\n\n\n"
            "fixRowOne = fixRowZero\n"
        )
        wrong.cells = [fake] + [
            c for c in wrong.cells if _gid(c) not in ("setup", "given_functions")
        ]
        _write(wrong, folder)
    elif name == "attack-duplicate-test-ids":
        kept = []
        for cell in wrong.cells:
            if _gid(cell) in TESTS:
                decoy = nbformat.v4.new_code_cell("pass")
                decoy.metadata = json.loads(json.dumps(cell.metadata))
                kept.append(decoy)
            kept.append(cell)
        wrong.cells = kept
        _write(wrong, folder)
    elif name == "attack-corrupt-metadata":
        for cell in wrong.cells:
            if _gid(cell) == "setup":
                cell.metadata.nbgrader["schema_version"] = 99
            if _gid(cell) == "test_fixRowTwo_visible":
                cell.metadata.nbgrader["points"] = 100.0
        _write(wrong, folder)
    elif name == "attack-corrupt-json":
        text = nbformat.writes(reference)
        (folder / f"{NOTEBOOK}.ipynb").write_text(text[: len(text) // 2])
    elif name == "attack-empty-file":
        (folder / f"{NOTEBOOK}.ipynb").write_bytes(b"")
    elif name == "attack-renamed-notebook":
        cells.write(reference, folder / f"{NOTEBOOK} (1).ipynb")
    elif name == "attack-missing-notebook":
        (folder / "README.txt").write_text("I could not open the notebook, sorry\n")
    elif name == "attack-notebook-links-to-source":
        (folder / f"{NOTEBOOK}.ipynb").symlink_to(source_path)
    elif name == "attack-file-links-to-source":
        thief = submissions.fill_answers(release_nb, {**WRONG_ANSWERS,
                                                      "fixRowTwo": STEAL_FROM_LINK})
        thief = submissions.fill_answers(thief, {"fixRowThree": _reference_cell(
            source_nb, "fixRowThree")})
        _write(thief, folder)
        (folder / "stolen.json").symlink_to(source_path)
    elif name == "attack-move-given-cells":
        given = [c for c in wrong.cells if _gid(c) == "given_functions"]
        own = nbformat.v4.new_code_cell(
            "def isSingular(A):\n"
            "    return bool(np.linalg.matrix_rank(np.asarray(A, dtype=float)) < 4)\n")
        wrong.cells = [c for c in wrong.cells if _gid(c) != "given_functions"] + given + [own]
        _write(wrong, folder)
    elif name == "attack-extra-cells":
        spy = submissions.fill_answers(release_nb, {
            **submissions.reference_sources(source_nb), "fixRowTwo": RECORD_CALLS})
        extended = []
        for cell in spy.cells:
            extended.append(cell)
            if _gid(cell) in TESTS:
                extended.append(nbformat.v4.new_code_cell(PRINT_CALLS))
        claim = nbformat.v4.new_code_cell(PRINT_CALLS)
        claim.metadata["nbgrader"] = {"schema_version": 3, "grade": True, "solution": False,
                                      "locked": True, "points": 5.0, "grade_id": "test_extra"}
        spy.cells = [*extended, claim, nbformat.v4.new_code_cell(PRINT_CALLS)]
        _write(spy, folder)
    elif name == "attack-huge-extra-file":
        _write(reference, folder)
        with open(folder / "data.bin", "wb") as handle:
            handle.truncate(150 * 1024 * 1024)  # sparse: no real disk used
    else:  # pragma: no cover - a new FILE_ATTACKS entry without a builder
        raise AssertionError(f"no builder for {name}")


def _slim_source(path: Path) -> None:
    """Keep only the graded structure of the notebook: setup, given code, answers and tests.

    The demonstration cells (plots, a 2000-matrix experiment) cost seconds per submission and
    test nothing about grading; without them the ~40 submissions grade in about a minute.
    """
    nb = cells.read(path)
    nb.cells = [c for c in nb.cells if cells.nbgrader_meta(c)]
    for cell in nb.cells:
        if _gid(cell) == "setup":
            lines = [line for line in cell.source.split("\n") if "matplotlib" not in line]
            cell.source = "\n".join(lines).replace("checks, plotting", "checks").strip()
    cells.write(nb, path)


def _reference_cell(source_nb, grade_id: str) -> str:
    return submissions.reference_sources(source_nb)[grade_id]


def _tree_digest(folder: Path) -> dict[str, str]:
    """Path -> sha256 of content (or of the link target) for everything under ``folder``."""
    digest = {}
    for path in sorted(folder.rglob("*")):
        rel = str(path.relative_to(folder))
        if path.is_symlink():
            digest[rel] = "link:" + os.readlink(path)
        elif path.is_file():
            h = hashlib.sha256()
            with open(path, "rb") as handle:
                for block in iter(lambda: handle.read(1 << 20), b""):
                    h.update(block)
            digest[rel] = h.hexdigest()
        else:
            digest[rel] = "dir"
    return digest


def _host_ip() -> str:
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("10.255.255.255", 1))
            return probe.getsockname()[0]
    except OSError:
        return "127.0.0.1"


def _listen() -> tuple[int, list, socket.socket]:
    """A TCP listener on all interfaces that records every connection."""
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("0.0.0.0", 0))
    server.listen(16)
    connections: list = []

    def serve() -> None:
        while True:
            try:
                conn, addr = server.accept()
            except OSError:
                return
            connections.append(addr)
            conn.close()

    threading.Thread(target=serve, daemon=True).start()
    return server.getsockname()[1], connections, server


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    """Build the course and the submissions, grade everything once, generate feedback."""
    from mml.grading.session import GradingSession, load_config

    root = tmp_path_factory.mktemp("adversarial")
    classroom.make_course(root, [ASSIGNMENT])
    for other in (root / "source" / ASSIGNMENT).glob("*.ipynb"):  # only the attacked notebook
        if other.stem != NOTEBOOK:
            other.unlink()
    _slim_source(root / "source" / ASSIGNMENT / f"{NOTEBOOK}.ipynb")
    classroom.nbgrader("generate_assignment", ASSIGNMENT, "--force", root=root)
    source_nb = cells.read(root / "source" / ASSIGNMENT / f"{NOTEBOOK}.ipynb")
    release_nb = cells.read(root / "release" / ASSIGNMENT / f"{NOTEBOOK}.ipynb")
    canary = f"mml-canary-{uuid.uuid4().hex[:12]}"
    port, connections, server = _listen()
    values = {"COURSE": str(root), "REPO": str(course.REPO_ROOT), "CANARY": canary,
              "PORT": str(port), "HOSTIP": _host_ip()}
    submitted = root / "submitted"
    for student in ("aaa-honest-reference", "zzz-honest-reference"):
        _write(submissions.reference_submission(source_nb, release_nb),
               submitted / student / ASSIGNMENT)
    _write(release_nb, submitted / "aaa-honest-blank" / ASSIGNMENT)
    wrong_answer = next(a for a in submissions.answer_files(ANSWERS_DIR, ASSIGNMENT, NOTEBOOK)
                        if not a.is_right)
    _write(submissions.answer_submission(source_nb, release_nb, wrong_answer),
           submitted / HONEST_WRONG / ASSIGNMENT)
    for attack in ATTACKS:
        folder = submitted / attack.student / ASSIGNMENT
        if attack.answers:
            nb = submissions.fill_answers(
                release_nb, {**submissions.reference_sources(source_nb), **attack.answers}
            )
            _write(_substitute(nb, values), folder)
        else:
            _file_attack(attack, folder, source_nb, release_nb, root)
    before = _tree_digest(submitted)

    config = load_config(str(root))
    config.Execute.timeout = CELL_TIMEOUT
    config.Sandbox.notebook_timeout = 180
    session = GradingSession(ASSIGNMENT, str(root), config=config)
    launched_before = len(LAUNCHED)
    results = {r.student: r for r in session.grade(progress=False)}
    server.close()
    after = _tree_digest(submitted)
    feedback = classroom.nbgrader("generate_feedback", ASSIGNMENT, "--force", root=root,
                               check=False)
    return Run(root, results, canary, connections, before, after,
               LAUNCHED[launched_before:], source_nb, frozenset(wrong_answer.fails),
               feedback.stderr[-3000:])


# ---------------------------------------------------------------------------------------------
# helpers for the assertions
# ---------------------------------------------------------------------------------------------


_SCORES: dict[Path, dict] = {}


def _scores(root: Path) -> dict[str, dict[str, tuple[float, float]]]:
    if root in _SCORES:
        return _SCORES[root]
    found = classroom.read_scores(course.db_url(root), ASSIGNMENT)
    _SCORES[root] = {
        student: {gid: (s.score, s.max_score) for gid, s in per_nb.get(NOTEBOOK, {}).items()}
        for student, per_nb in found.items()
    }
    return _SCORES[root]


def _autograded(run: Run, student: str) -> Path:
    return run.root / "autograded" / student / ASSIGNMENT / f"{NOTEBOOK}.ipynb"


def _hidden_lines(source_nb: nbformat.NotebookNode) -> list[str]:
    """Lines of the hidden tests (at least 12 characters) that no visible cell contains."""
    hidden: set[str] = set()
    public: set[str] = set()
    for cell in source_nb.cells:
        cell_public, cell_secret = cells.split_secret(cell.source)
        public |= {line.strip() for line in cell_public}
        if cells.is_test(cell):
            hidden |= {line.strip() for line in cell_secret}
    return sorted(line for line in hidden - public if len(line) >= 12)


def _visible_text(text: str) -> str:
    """Text of an HTML page without tags, entities decoded, whitespace collapsed."""
    import html

    text = re.sub(r"<[^>]+>", "", text)
    return re.sub(r"\s+", " ", html.unescape(text))


def _outputs_text(path: Path) -> str:
    nb = cells.read(path)
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            parts.append(json.dumps(out))
    return "\n".join(parts)


# ---------------------------------------------------------------------------------------------
# per-attack assertions
# ---------------------------------------------------------------------------------------------

IDS = [a.student for a in ATTACKS]


def test_at_least_20_attacks() -> None:
    assert len(ATTACKS) >= 20


@pytest.mark.parametrize("attack", ATTACKS, ids=IDS)
def test_grading_finished(run: Run, attack: Attack) -> None:
    """Grading completed for the attacker, who is in the gradebook with every test."""
    result = run.results[attack.student]
    assert result.graded, f"{attack.student}: {result.summary()}"
    scores = _scores(run.root).get(attack.student)
    assert scores is not None, f"{attack.student} is not in the gradebook"
    assert set(scores) == set(TESTS)


@pytest.mark.parametrize("attack", ATTACKS, ids=IDS)
def test_targeted_tests_score_zero(run: Run, attack: Attack) -> None:
    """The tests the attack targets score 0; every other test keeps full marks."""
    scores = _scores(run.root)[attack.student]
    zero = {gid for gid, (score, _) in scores.items() if score == 0}
    full = {gid for gid, (score, top) in scores.items() if score == top}
    detail = f"{attack.description}\n  summary: {run.results[attack.student].summary()}"
    assert zero == attack.fails, f"zeroed {sorted(zero)}, expected {sorted(attack.fails)}\n" \
        + detail
    assert full == ALL - zero, detail


@pytest.mark.parametrize("attack", [a for a in ATTACKS if a.expect],
                         ids=[a.student for a in ATTACKS if a.expect])
def test_summary_says_what_went_wrong(run: Run, attack: Attack) -> None:
    summary = run.results[attack.student].summary().lower()
    for word in attack.expect:  # "a|b": either
        assert any(w.lower() in summary for w in word.split("|")), f"{word!r} not in: {summary}"


# ---------------------------------------------------------------------------------------------
# whole-run assertions
# ---------------------------------------------------------------------------------------------


def test_honest_students_unchanged(run: Run) -> None:
    """Honest students graded before and after the attackers get exactly their marks."""
    scores = _scores(run.root)
    for student, total in HONEST.items():
        got = sum(score for score, _ in scores[student].values())
        assert got == total, f"{student}: {got} instead of {total}"
        assert run.results[student].problems == [], run.results[student].summary()
    wrong = scores[HONEST_WRONG]
    assert {g for g, (s, _) in wrong.items() if s == 0} == run.honest_wrong_fails


def test_submitted_is_unchanged(run: Run) -> None:
    assert run.submitted_after == run.submitted_before


def test_gradebook_is_consistent(run: Run) -> None:
    """One submission per student, no stranger, totals that add up, an intact database."""
    students = {a.student for a in ATTACKS} | set(HONEST) | {HONEST_WRONG}
    db = run.root / "gradebook.db"
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        in_db = {row[0] for row in conn.execute("SELECT id FROM student")}
    assert in_db == students
    from nbgrader.api import Gradebook

    with Gradebook(course.db_url(run.root)) as gb:
        for student in students:
            submission = gb.find_submission(ASSIGNMENT, student)
            assert submission.max_score == 7.0
            total = 0.0
            for nb in submission.notebooks:
                for grade in nb.grades:
                    assert grade.auto_score is not None, f"{student}/{grade.name} has no score"
                    assert not grade.needs_manual_grade, f"{student}/{grade.name}"
                    assert 0 <= grade.score <= grade.max_score
                    total += grade.score
            assert abs(submission.score - total) < 1e-9


def _exists(path: Path) -> bool:
    """Whether ``path`` exists; a folder this user may not read (``/root`` when the suite runs
    as another user) holds nothing the sandbox, running as this user or less, could write."""
    try:
        return path.exists()
    except PermissionError:
        return False


def test_no_file_written_outside_the_sandbox(run: Run) -> None:
    places = [run.root, run.root / "submitted" / "zzz-honest-reference" / ASSIGNMENT,
              run.root / "autograded", run.root / "source" / ASSIGNMENT, run.root / "release",
              course.REPO_ROOT, course.REPO_ROOT / "mml", Path("/tmp"), Path("/var/tmp"),
              Path("/dev/shm"), Path.home(), Path("/root"), Path("/work")]
    written = [str(p / run.canary) for p in places if _exists(p / run.canary)]
    found = [str(p) for p in run.root.rglob(f"*{run.canary}*")]
    assert not written and not found


def test_no_network_connection(run: Run) -> None:
    assert run.connections == []
    path = _autograded(run, "attack-network")
    text = _outputs_text(path)
    assert "connected to" not in text and "no connection to" in text


def test_no_sandbox_process_left(run: Run) -> None:
    """Every sandbox is gone after grading, with all its processes (the fork bomb's too)."""
    assert run.launched, "no sandbox was started"
    uids = {uid for _, uid in run.launched if uid is not None}
    alive = []
    for pid, _ in run.launched:
        try:
            with open(f"/proc/{pid}/status") as handle:
                if "State:\tZ" not in handle.read():
                    alive.append(pid)
        except FileNotFoundError:
            pass
    assert not alive, f"sandboxes still running: {alive}"
    if uids:
        leftovers = []
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    if os.stat(f"/proc/{entry}").st_uid in uids:
                        leftovers.append(entry)
                except FileNotFoundError:
                    pass
        assert not leftovers, f"processes of sandbox users left: {leftovers}"


def test_gradebook_attack_had_no_effect(run: Run) -> None:
    text = _outputs_text(_autograded(run, "attack-write-gradebook"))
    assert "wrote " not in text.replace("wrote into", "")


def test_huge_output_is_cut(run: Run) -> None:
    path = _autograded(run, "attack-print-100mb")
    assert path.stat().st_size < 5_000_000
    assert "output truncated" in path.read_text()


def test_huge_file_not_copied(run: Run) -> None:
    assert not (run.root / "autograded" / "attack-huge-extra-file" / ASSIGNMENT / "data.bin"
                ).exists()
    assert not (run.root / "autograded" / "attack-file-links-to-source" / ASSIGNMENT /
                "stolen.json").exists()


def test_disk_filler_left_nothing(run: Run) -> None:
    folder = run.root / "autograded" / "attack-fill-disk" / ASSIGNMENT
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    assert size < 5_000_000
    assert not list(Path("/tmp").glob("fill*.bin"))


def test_no_secret_in_any_output(run: Run) -> None:
    """No hidden-test line and no solution marker appears in any output of any submission
    (solution lines themselves may: a student can write the same line as the solution)."""
    secrets = _hidden_lines(run.source_nb) + ["BEGIN SOLUTION", "BEGIN HIDDEN TESTS"]
    leaks = []
    for path in (run.root / "autograded").rglob("*.ipynb"):
        text = _outputs_text(path)
        for line in secrets:
            if line in text or json.dumps(line)[1:-1] in text:
                leaks.append((path.parent.parent.name, line))
    assert not leaks, leaks[:5]
    stolen = _outputs_text(_autograded(run, "attack-steal-hidden-tests"))
    assert "HISTORY" in stolen and "CALLER: " not in stolen  # prints during calls are dropped


def test_no_script_of_a_submission_in_feedback(run: Run) -> None:
    """The submission's HTML, JavaScript and SVG outputs are not on its feedback page (its code,
    escaped, is)."""
    page = run.root / "feedback" / "attack-html-in-feedback" / ASSIGNMENT / f"{NOTEBOOK}.html"
    text = page.read_text()
    scripts = re.findall(r"<script[^>]*>(.*?)</script>", text, flags=re.DOTALL)
    assert not [s for s in scripts if "mml-owned" in s]
    assert "onerror=\"document" not in text and "<svg xmlns='http" not in text
    assert "mml-owned" in text  # the cell's source is shown, as text


def test_hidden_inputs_do_not_leak(run: Run) -> None:
    """What the answer saw during hidden calls (printed, raised, written) reaches no output."""
    nb = cells.read(_autograded(run, "attack-leak-hidden-inputs"))
    by_id = {_gid(c): json.dumps(c.get("outputs", [])) for c in nb.cells}
    assert "LEAK" in by_id["test_fixRowTwo_visible"]  # a visible test shows what was raised
    for gid in ("test_fixRowTwo_hidden", "test_isSingular_hidden"):
        assert "LEAK" not in by_id[gid] and "hidden test failed" in by_id[gid]
    assert "LEAK" not in by_id["fixRowTwo"]
    folder = run.root / "autograded" / "attack-leak-hidden-inputs" / ASSIGNMENT
    assert not (folder / "leak.txt").exists()
    page = run.root / "feedback" / "attack-leak-hidden-inputs" / ASSIGNMENT / f"{NOTEBOOK}.html"
    assert "2., 5., 8., 1." not in _visible_text(page.read_text())


def test_extra_cells_see_no_call_of_a_test(run: Run) -> None:
    """Cells added after the tests run before any test: they can print no test's inputs."""
    nb = cells.read(_autograded(run, "attack-extra-cells"))
    printed = [json.dumps(c.get("outputs", [])) for c in nb.cells if c.source == PRINT_CALLS]
    assert len(printed) == len(TESTS) + 2
    assert all("EXTRA []" in text and "[[" not in text for text in printed), printed


def test_feedback_has_no_hidden_test_code(run: Run) -> None:
    """Every graded student gets feedback; none shows hidden-test code, even in tracebacks."""
    hidden = _hidden_lines(run.source_nb)
    assert hidden
    pages = list((run.root / "feedback").rglob("*.html"))
    with_notebook = [p.parent.parent.name for p in (run.root / "autograded").glob(
        f"*/{ASSIGNMENT}/{NOTEBOOK}.ipynb")]
    have = {p.parent.parent.name for p in pages}
    assert set(with_notebook) <= have, f"no feedback for {sorted(set(with_notebook) - have)}:" \
        f"\n{run.feedback_log}"
    leaks = []
    for page in pages:
        text = _visible_text(page.read_text())
        leaks += [(page.parent.parent.name, line) for line in hidden if line in text]
    assert not leaks, leaks[:5]
