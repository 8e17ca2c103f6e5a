"""Instructor mistakes caught before anyone is graded: the course configuration, checked.

``nbgrader`` (through traitlets) reads ``nbgrader_config.py`` leniently: a syntax error is
logged and the file is skipped, and a misspelt option (``c.Sandbox.memory_limt``) is ignored;
either way grading would go on with defaults (for instance feedback that shows hidden tests).
:func:`check_config` refuses both with a plain message, and every grading limit must be in
range (:func:`limit_problems`): a zero memory limit or a negative timeout is never applied.

:class:`Grader` holds the limits of the grading processes themselves (not the student's
kernel, which :class:`mml.grading.sandbox.Sandbox` limits): the largest submitted notebook a
grader opens, and the memory of each grading worker.
"""

from __future__ import annotations

import difflib
import importlib
import pkgutil
from typing import Any

from traitlets import Unicode
from traitlets.config import Configurable

from mml.grading.sandbox import parse_size


class ConfigProblem(ValueError):
    """The course configuration (or a limit given on the command line) cannot be used."""


class Grader(Configurable):
    """Limits of the grading processes (``c.Grader.*`` in ``nbgrader_config.py``)."""

    notebook_size_limit = Unicode(
        "50M",
        help="Largest submitted notebook that is opened at all (bytes, or with K/M/G). A larger "
        "notebook scores zero with the reason, checked before it is read: a notebook is parsed "
        "in the grader's memory, at several times its size.",
    ).tag(config=True)
    worker_memory_limit = Unicode(
        "4G",
        help="Address space of each grading worker process (bytes, or with K/M/G; RLIMIT_AS). "
        "The student's kernel has its own limit (Sandbox.memory_limit).",
    ).tag(config=True)


#: (section, option) -> what it must be; sizes are strings like "2G", counts are integers
SIZE_LIMITS = [
    ("Sandbox", "memory_limit"), ("Sandbox", "file_size_limit"), ("Sandbox", "disk_limit"),
    ("Sandbox", "output_limit"), ("Grader", "notebook_size_limit"),
    ("Grader", "worker_memory_limit"),
]
COUNT_LIMITS = [
    ("Sandbox", "cpu_time_limit", "CPU seconds"), ("Sandbox", "max_processes", "processes"),
    ("Sandbox", "notebook_timeout", "seconds"), ("Execute", "timeout", "seconds"),
    ("Execute", "startup_timeout", "seconds"),
]


def _configurables() -> dict[str, list[type]]:
    """Every configurable class nbgrader or this engine defines, by name (a name may be
    shared: a section configures every class of that name)."""
    import nbgrader.apps  # noqa: F401, PLC0415 - imports every nbgrader configurable

    import mml.grading  # noqa: PLC0415

    for module in pkgutil.iter_modules(mml.grading.__path__):
        importlib.import_module(f"mml.grading.{module.name}")
    found: dict[str, list[type]] = {}
    todo: list[type] = [Configurable]
    while todo:
        cls = todo.pop()
        found.setdefault(cls.__name__, []).append(cls)
        todo.extend(cls.__subclasses__())
    return found


def unknown_options(config: Any) -> list[str]:
    """Options of ``config`` that no configurable class has (misspelt sections or names).

    Parameters
    ----------
    config : traitlets.config.Config
        The loaded configuration.

    Returns
    -------
    list of str
        One plain sentence per unknown option, with the nearest known name when there is one.
    """
    classes = _configurables()
    problems = []
    for section, values in config.items():
        if not hasattr(values, "items") or not values:
            continue  # a top-level value, or a section only looked at (traitlets makes it)
        if section not in classes:
            near = difflib.get_close_matches(section, list(classes), n=1)
            hint = f" (did you mean c.{near[0]}?)" if near else ""
            problems.append(f"c.{section}: no such configurable{hint}")
            continue
        known = {name for cls in classes[section] for name, trait in cls.class_traits().items()
                 if trait.metadata.get("config")}
        for name in values:
            if name not in known:
                near = difflib.get_close_matches(name, sorted(known), n=1)
                hint = f" (did you mean c.{section}.{near[0]}?)" if near else ""
                problems.append(f"c.{section}.{name}: {section} has no option {name}{hint}")
    return problems


def limit_problems(config: Any) -> list[str]:
    """Limits of ``config`` that are out of range (sizes must be > 0, counts at least 1).

    Parameters
    ----------
    config : traitlets.config.Config
        The configuration, with the command line's limits applied.

    Returns
    -------
    list of str
        One plain sentence per limit that cannot be applied.
    """
    problems = []
    for section, name in SIZE_LIMITS:
        if name not in config[section]:
            continue
        value = config[section][name]
        try:
            size = parse_size(str(value))
        except ValueError:
            problems.append(f"{section}.{name} = {value!r} is not a size (e.g. 512M or 2G)")
            continue
        if size <= 0:
            problems.append(f"{section}.{name} = {value!r}: a size limit must be more than 0")
    for section, name, unit in COUNT_LIMITS:
        if name not in config[section]:
            continue
        value = config[section][name]
        if isinstance(value, bool) or not isinstance(value, int):
            problems.append(f"{section}.{name} = {value!r} is not a whole number of {unit}")
        elif value < 1:
            problems.append(f"{section}.{name} = {value!r}: must be at least 1 ({unit})")
    return problems


def feedback_problems(config: Any) -> list[str]:
    """Why feedback written with ``config`` could show hidden tests (empty if it cannot).

    nbgrader's own ``GenerateFeedback`` keeps every line of a test cell; only
    :class:`mml.grading.nbgrader_ext.HideHiddenTests` among ``c.GenerateFeedback.preprocessors``
    hides the hidden part.

    Parameters
    ----------
    config : traitlets.config.Config
        The course configuration.

    Returns
    -------
    list of str
        One plain sentence, or nothing.
    """
    steps = config.GenerateFeedback.get("preprocessors", [])
    names = {step if isinstance(step, str) else f"{step.__module__}.{step.__qualname__}"
             for step in steps}
    if "mml.grading.nbgrader_ext.HideHiddenTests" in names:
        return []
    return ["c.GenerateFeedback.preprocessors has no mml.grading.nbgrader_ext.HideHiddenTests: "
            "feedback would show the hidden tests to the students (add it, as the course's "
            "nbgrader_config.py does)"]


def check_config(config: Any) -> None:
    """Refuse a configuration with unknown options or limits out of range.

    Parameters
    ----------
    config : traitlets.config.Config
        The configuration to check.

    Raises
    ------
    ConfigProblem
        Naming every problem found, one per line.
    """
    problems = unknown_options(config) + limit_problems(config)
    if problems:
        raise ConfigProblem("\n".join(f"  {p}" for p in problems))


def size_limit(config: Any, name: str) -> int:
    """A :class:`Grader` size limit of ``config`` in bytes (its default if not set)."""
    return parse_size(str(getattr(Grader(config=config), name)))
