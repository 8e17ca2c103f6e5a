"""``mml grade``: the command line of the grading engine (options, the run, the printed table)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from mml.grading import course, exports
from mml.grading.sandbox import SandboxUnavailable, parse_size
from mml.grading.scheduler import (
    ClassReport,
    _session,
    default_jobs,
    grade_classes,
    normalize_db_url,
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
    limits.add_argument("--memory", help="memory per kernel, e.g. 2G")
    limits.add_argument("--cpu-time", type=int, help="CPU seconds per kernel")
    limits.add_argument("--processes", type=int, help="processes and threads per kernel")
    limits.add_argument("--file-size", help="largest file a kernel may write, e.g. 100M")
    limits.add_argument("--disk", help="size of the kernel's writable folder, e.g. 512M")
    limits.add_argument("--output", help="largest output kept per notebook, e.g. 2M")
    limits.add_argument("--timeout", type=int, help="seconds per cell")
    limits.add_argument("--notebook-timeout", type=int, help="seconds per notebook in total")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    add_class_arguments(parser)


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
    }
    for arg, (section, key) in mapping.items():
        value = getattr(args, arg, None)
        if value is not None:
            if key.endswith("_limit") and isinstance(value, str):
                parse_size(value)  # fail early on a bad size
            config[section][key] = value
    if getattr(args, "unsafe_no_sandbox", False):
        config.Sandbox.allow_unsafe = True


def run(args: argparse.Namespace) -> int:
    """Run ``mml grade``; 0 if every submission was graded, 1 if some failed, 2 if refused.

    Grading, reruns, feedback and exports are done by :func:`mml.grading.scheduler.run_class`.
    """
    course_dir = _course_dir(args.course_dir)
    config = load_config(course_dir)
    apply_arguments(config, args)
    return run_class(args, course_dir, config)


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


def summary_line(report: ClassReport) -> str:
    """One line: how many were graded, kept (unchanged), failed."""
    failed = len(report.failed)
    parts = [f"{len(report.results)} submission(s)", f"{len(report.graded)} graded"]
    parts.append(f"{len(report.skipped)} unchanged and kept (--force regrades them)")
    if report.feedback:
        parts.append(f"feedback for {len(report.feedback)}")
    parts.append(f"{failed} failed")
    line = f"{report.assignment}: " + ", ".join(parts)
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
        print(f"Grading {', '.join(assignments)} in {course_dir} with up to {jobs} job(s)\n"
              f"  {where}", file=sys.stderr)
        try:
            reports = grade_classes(
                assignments, args.student, sessions=sessions, jobs=jobs, force=args.force,
                feedback=args.feedback, progress=not args.no_progress,
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
        for report in reports:
            print(summary_line(report), file=sys.stderr)
        if reports and reports[0].jobs:
            print(f"done in {reports[0].seconds:.1f} s with {reports[0].jobs} job(s) "
                  f"(start-up and planning {reports[0].startup_seconds:.1f} s)", file=sys.stderr)
        elif reports:
            print("nothing to grade: every submission is graded and unchanged", file=sys.stderr)
        if args.export_csv:
            for name in assignments:
                path = _export_path(args.export_csv, name, len(assignments) > 1)
                count = exports.write_assignment_csv(db_url, name, path, course_id)
                print(f"grades of {name}: {path} ({count} students)", file=sys.stderr)
    elif args.export_csv:
        print("mml grade: --export-csv needs an assignment", file=sys.stderr)
        return 2
    if args.export_course:
        count = exports.write_course_csv(db_url, args.export_course, course_id=course_id)
        print(f"course total: {args.export_course} ({count} students)", file=sys.stderr)
    return status
