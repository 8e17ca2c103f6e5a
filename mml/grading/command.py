"""``mml grade``: the command line of the grading engine (options, the run, the printed table)."""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from mml.grading import course, exports
from mml.grading.config_check import ConfigProblem, feedback_problems
from mml.grading.gradebook import normalize_db_url
from mml.grading.sandbox import SandboxUnavailable, parse_size
from mml.grading.scheduler import (
    STATE_DIR,
    ClassReport,
    _session,
    default_jobs,
    grade_classes,
)
from mml.grading.session import load_config


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the options of ``mml grade``."""
    parser.add_argument(
        "assignment", nargs="*",
        help="the assignment(s) to grade (folders of source/); several share one worker pool",
    )
    parser.add_argument(
        "--student", action="append", default=None, metavar="ID",
        help="grade only this student (repeatable); default: every submission",
    )
    parser.add_argument(
        "--course-dir", default=None,
        help="the course directory (default: the current directory if it has "
        "nbgrader_config.py, else the repository)",
    )
    parser.add_argument(
        "--unsafe-no-sandbox", action="store_true",
        help="if bubblewrap is missing, grade WITHOUT a sandbox (students' code runs with "
        "your rights: only for trusted submissions)",
    )
    limits = parser.add_argument_group("limits per notebook (default: nbgrader_config.py)")
    limits.add_argument("--memory", type=size_arg, help="memory per kernel, e.g. 2G")
    limits.add_argument("--cpu-time", type=count_arg, help="CPU seconds per kernel")
    limits.add_argument("--processes", type=count_arg,
                        help="processes and threads per kernel")
    limits.add_argument("--file-size", type=size_arg,
                        help="largest file a kernel may write, e.g. 100M")
    limits.add_argument("--disk", type=size_arg,
                        help="size of the kernel's writable folder, e.g. 512M")
    limits.add_argument("--output", type=size_arg,
                        help="largest output kept per notebook, e.g. 2M")
    limits.add_argument("--timeout", type=count_arg, help="seconds per cell")
    limits.add_argument("--notebook-timeout", type=count_arg,
                        help="seconds per notebook in total")
    limits.add_argument("--max-notebook-size", type=size_arg,
                        help="largest submitted notebook opened at all, e.g. 50M (a larger one "
                        "scores zero with the reason)")
    limits.add_argument("--worker-memory", type=size_arg,
                        help="memory of each grading worker process, e.g. 4G")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    add_class_arguments(parser)


def count_arg(text: str) -> int:
    """An ``argparse`` type: a whole number, at least 1 (seconds, processes)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(
            f"{value} is not allowed: it must be at least 1 (a limit of {value} cannot be "
            "applied, and no limit at all is not an option)"
        )
    return value


def size_arg(text: str) -> str:
    """An ``argparse`` type: a size above zero such as ``512M`` or ``2G``."""
    try:
        size = parse_size(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    if size <= 0:
        raise argparse.ArgumentTypeError(f"{text} is not allowed: a size limit must be more "
                                         "than 0 (e.g. 512M or 2G)")
    return text


def _course_dir(arg: str | None) -> str:
    if arg:
        return os.path.abspath(arg)
    if os.path.exists("nbgrader_config.py"):
        return os.getcwd()
    return str(course.REPO_ROOT)


def apply_arguments(config: Any, args: argparse.Namespace) -> None:
    """Copy the limit flags of ``mml grade`` into the nbgrader configuration."""
    mapping = {
        "memory": ("Sandbox", "memory_limit"),
        "cpu_time": ("Sandbox", "cpu_time_limit"),
        "processes": ("Sandbox", "max_processes"),
        "file_size": ("Sandbox", "file_size_limit"),
        "disk": ("Sandbox", "disk_limit"),
        "output": ("Sandbox", "output_limit"),
        "notebook_timeout": ("Sandbox", "notebook_timeout"),
        "timeout": ("Execute", "timeout"),
        "max_notebook_size": ("Grader", "notebook_size_limit"),
        "worker_memory": ("Grader", "worker_memory_limit"),
    }
    for arg, (section, key) in mapping.items():
        value = getattr(args, arg, None)
        if value is not None:
            config[section][key] = value
    if getattr(args, "unsafe_no_sandbox", False):
        config.Sandbox.allow_unsafe = True


def run(args: argparse.Namespace) -> int:
    """Run ``mml grade``; 0 if every submission was graded, 1 if some failed, 2 if refused.

    Grading, reruns, feedback and exports are done by :func:`run_class`.
    """
    course_dir = _course_dir(args.course_dir)
    try:
        config = load_config(course_dir)
    except ConfigProblem as exc:
        print(f"mml grade: the course configuration in {course_dir} cannot be used, so "
              f"nobody was graded:\n{exc}", file=sys.stderr)
        return 2
    apply_arguments(config, args)
    if args.feedback and (problems := feedback_problems(config)):
        print(f"mml grade: no feedback can be written with the course configuration in "
              f"{course_dir}, so nobody was graded:\n  " + "\n  ".join(problems),
              file=sys.stderr)
        return 2
    try:
        with run_lock(course_dir):
            return run_class(args, course_dir, config)
    except CourseBusy as exc:
        print(f"mml grade: {exc}", file=sys.stderr)
        return 2
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
        print(f"mml grade: the gradebook {config.CourseDirectory.db_url} cannot be used "
              f"({reason}).\n  Is it an nbgrader gradebook? Restore it from a backup, or move "
              "it away and run `nbgrader generate_assignment` to start a new one.",
              file=sys.stderr)
        return 2


class CourseBusy(RuntimeError):
    """Another ``mml grade`` is grading the same course."""


@contextlib.contextmanager
def run_lock(course_dir: str) -> Iterator[None]:
    """Hold the course's grading lock (``.mml/grading/run.lock``) for the block.

    Two ``mml grade`` runs on one course would grade the same students at once (and write the
    same files); the second is refused instead. The lock is an ``flock`` on the file, so it is
    released when the process ends, however it ends.

    Raises
    ------
    CourseBusy
        If another process holds the lock (its pid and start time are in the message).
    """
    folder = os.path.join(course_dir, STATE_DIR)
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, "run.lock")
    with open(path, "a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise CourseBusy(
                f"another `mml grade` is grading {course_dir} ({holder}); wait until it has "
                "finished, then run this again"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}, started {time.strftime('%Y-%m-%d %H:%M:%S')}")
        handle.flush()
        try:
            yield
        finally:
            handle.seek(0)
            handle.truncate()


def add_class_arguments(parser: Any) -> None:
    """Register the class-grading options of ``mml grade`` (jobs, reruns, feedback, exports)."""
    group = parser.add_argument_group("a whole class")
    group.add_argument(
        "--all", action="store_true", help="grade every assignment of source/ (one worker pool)"
    )
    group.add_argument(
        "-j", "--jobs", type=int, default=None, metavar="N",
        help=f"students graded at the same time, each in its own sandboxed kernel "
        f"(default: the number of cores, {default_jobs()} here)",
    )
    group.add_argument(
        "--scheduler", metavar="ADDRESS",
        help="grade on the workers of a running Dask scheduler, e.g. tcp://HOST:8786 "
        "(default: c.Cluster.scheduler, else a local cluster of --jobs workers)",
    )
    group.add_argument(
        "--force", action="store_true",
        help="grade again even students whose grading is complete and whose submission did "
        "not change (default: a rerun only grades what is new, changed or unfinished)",
    )
    group.add_argument(
        "--feedback", action="store_true",
        help="also write feedback HTML per student into feedback/ (hidden tests hidden)",
    )
    group.add_argument(
        "--export-csv", metavar="PATH",
        help="write the assignment's grades as CSV (student_id,score,max_score,percent); with "
        "several assignments PATH is a folder or contains {assignment}",
    )
    group.add_argument(
        "--export-course", metavar="PATH",
        help="write the course total as CSV: one row per student, one column per assignment "
        "of the gradebook, total, max_total, percent",
    )
    group.add_argument(
        "--format", choices=exports.FORMATS, default="plain",
        help="CSV form of --export-csv and --export-course: plain (default), or the gradebook "
        "import of canvas or moodle (needs --roster)",
    )
    group.add_argument(
        "--roster", metavar="CSV",
        help="maps nbgrader student ids to LMS ids: a CSV with the columns "
        f"{','.join(exports.ROSTER_COLUMNS)} (only student_id is required)",
    )


def format_report(report: ClassReport) -> str:
    """The table ``mml grade`` prints for one assignment (``kept``: not regraded, unchanged)."""
    skipped = set(report.skipped)
    rows = [("student", "score", "time", "what went wrong")]
    for r in report.results:
        score = "-" if r.score is None else f"{r.score:g} / {r.max_score:g}"
        when = "kept" if r.student in skipped and r.student not in report.feedback else (
            f"{r.seconds:.0f} s"
        )
        rows.append((r.student, score, when, r.summary()))
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    lines = [f"{a:<{widths[0]}}  {b:>{widths[1]}}  {t:>{widths[2]}}  {c}" for a, b, t, c in rows]
    lines.insert(1, "-" * min(100, sum(widths) + 24))
    return "\n".join(lines)


def _counts(label: str, reports: list[ClassReport]) -> str:
    total = sum(len(r.results) for r in reports)
    parts = [f"{total} submission(s)", f"{sum(len(r.graded) for r in reports)} graded"]
    parts.append(f"{sum(len(r.skipped) for r in reports)} unchanged and kept "
                 "(--force regrades them)")
    feedback = sum(len(r.feedback) for r in reports)
    if feedback:
        parts.append(f"feedback for {feedback}")
    parts.append(f"{sum(len(r.failed) for r in reports)} failed")
    return f"{label}: " + ", ".join(parts)


def total_lines(reports: list[ClassReport]) -> list[str]:
    """The summary of several assignments (``all: ...``) and one line per failed grading.

    A failed grading is named with its assignment, student and reason; it is never counted as
    graded (the exit code of ``mml grade`` is then 1).
    """
    lines = [_counts("all", reports)] if len(reports) > 1 else []
    for report in reports:
        for result in report.failed:
            lines.append(f"  failed: {report.assignment}/{result.student}: {result.summary()}")
    return lines


def summary_line(report: ClassReport) -> str:
    """One line: how many were graded, kept (unchanged), failed."""
    line = _counts(report.assignment, [report])
    if report.stale_feedback:
        line += (f"\n  feedback/ of {len(report.stale_feedback)} regraded student(s) is older "
                 "than their new grades: run again with --feedback")
    return line


def _export_path(template: str, assignment: str, several: bool) -> str:
    if "{assignment}" in template:
        return template.replace("{assignment}", assignment)
    if several or template.endswith(os.sep) or os.path.isdir(template):
        return os.path.join(template, f"{assignment}.csv")
    return template


def run_class(args: Any, course_dir: str, config: Any) -> int:
    """Run ``mml grade`` for the assignments of ``args`` (see :func:`add_class_arguments`).

    Parameters
    ----------
    args : argparse.Namespace
        Parsed options of ``mml grade``.
    course_dir : str
        The course directory.
    config : traitlets.config.Config
        The nbgrader configuration (limits from the command line already applied).

    Returns
    -------
    int
        0 if every submission was graded, 1 if some failed (or nothing to grade), 2 if
        grading was refused or the arguments were wrong.
    """
    assignments = list(getattr(args, "assignment", None) or [])
    if isinstance(getattr(args, "assignment", None), str):
        assignments = [args.assignment]
    if getattr(args, "all", False):
        assignments += [a for a in course.assignments(Path(course_dir)) if a not in assignments]
    if args.jobs is not None and args.jobs < 1:
        print("mml grade: --jobs must be at least 1", file=sys.stderr)
        return 2
    if not assignments and not args.export_course:
        print("mml grade: name an assignment (or --all), or give --export-course",
              file=sys.stderr)
        return 2
    db_url = normalize_db_url(str(config.CourseDirectory.db_url))
    course_id = str(config.CourseDirectory.get("course_id", "default_course"))
    fmt = getattr(args, "format", "plain") or "plain"
    roster = None
    if (fmt == "plain") == bool(getattr(args, "roster", None)):
        print("mml grade: --roster goes with --format canvas or moodle (the roster maps "
              "student ids to the LMS's)", file=sys.stderr)
        return 2
    if fmt != "plain":
        try:
            roster = exports.read_roster(args.roster)
            exports.identifier(roster, fmt)
        except exports.RosterProblem as exc:
            print(f"mml grade: {exc}", file=sys.stderr)
            return 2
    status = 0
    if assignments:
        try:
            sessions = {a: _session(a, course_dir, config, False) for a in assignments}
        except SandboxUnavailable as exc:
            print(f"mml grade: refusing to grade.\n{exc}", file=sys.stderr)
            return 2
        first = sessions[assignments[0]]
        where = (
            f"bubblewrap sandbox ({first.settings.describe()}, "
            f"cell timeout {config.Execute.get('timeout', 30)} s)"
            if first.sandboxed
            else "NO SANDBOX (unsafe: students' code runs with your rights)"
        )
        jobs = args.jobs or default_jobs()
        scheduler = getattr(args, "scheduler", None)
        on = f"on the Dask scheduler {scheduler}" if scheduler else f"with up to {jobs} job(s)"
        print(f"Grading {', '.join(assignments)} in {course_dir} {on}\n  {where}",
              file=sys.stderr)
        try:
            reports = grade_classes(
                assignments, args.student, sessions=sessions, jobs=jobs, force=args.force,
                feedback=args.feedback, progress=not args.no_progress, scheduler=scheduler,
            )
        except LookupError as exc:
            print(f"mml grade: {exc}", file=sys.stderr)
            return 2
        except KeyboardInterrupt:
            print("\nmml grade: interrupted. Completed students are kept; run the same command "
                  "again to grade the rest.", file=sys.stderr)
            return 130
        for report in reports:
            if len(reports) > 1:
                print(f"\n{report.assignment}")
            if not report.results:
                print(f"mml grade: no submissions of {report.assignment} in "
                      f"{first.coursedir.submitted_directory}/", file=sys.stderr)
                status = max(status, 1)
                continue
            print(format_report(report))
            if report.failed:
                status = max(status, 1)
        print("", file=sys.stderr)
        for line in [summary_line(r) for r in reports] + total_lines(reports):
            print(line, file=sys.stderr)
        if reports and reports[0].jobs:
            print(f"done in {reports[0].seconds:.1f} s with {reports[0].jobs} job(s) "
                  f"(start-up and planning {reports[0].startup_seconds:.1f} s)", file=sys.stderr)
        elif reports:
            print("nothing to grade: every submission is graded and unchanged", file=sys.stderr)
        if args.export_csv:
            for name in assignments:
                path = _export_path(args.export_csv, name, len(assignments) > 1)
                status = max(status, _export(db_url, course_id, path, [name], fmt, roster))
    elif args.export_csv:
        print("mml grade: --export-csv needs an assignment", file=sys.stderr)
        return 2
    if args.export_course:
        status = max(status, _export(db_url, course_id, args.export_course, None, fmt, roster))
    return status


def _export(
    db_url: str, course_id: str, path: str, assignments: list[str] | None, fmt: str,
    roster: exports.Roster | None,
) -> int:
    """Write one export file and say what it holds; 1 if a graded student was left out."""
    what = f"grades of {assignments[0]}" if assignments else "course total"
    if roster is None:
        if assignments:
            count = exports.write_assignment_csv(db_url, assignments[0], path, course_id)
        else:
            count = exports.write_course_csv(db_url, path, course_id=course_id)
        print(f"{what}: {path} ({count} students)", file=sys.stderr)
        return 0
    try:
        found = exports.lms_rows(db_url, assignments, fmt, roster, course_id)
    except exports.RosterProblem as exc:
        print(f"mml grade: {exc}", file=sys.stderr)
        return 2
    exports.write_rows(path, found.rows)
    print(f"{what} for {fmt}: {path} ({len(roster.students)} students of the roster)",
          file=sys.stderr)
    for name, students in found.no_submission.items():
        print(f"  no submission of {name} (left empty): {', '.join(students)}", file=sys.stderr)
    if found.not_in_roster:
        print(f"  NOT EXPORTED, graded but not in the roster {', '.join(found.not_in_roster)}: "
              "add them to the roster and export again", file=sys.stderr)
        return 1
    return 0
