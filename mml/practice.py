"""Practise without end: a fresh random instance of any practice exercise, with an instant check.

Every ``practice.ipynb`` grades fixed exercises. Beside each one, a learner can ask for as many
new instances of the same exercise as they like, each seeded and reproducible::

    >>> from mml import practice
    >>> from mml.la import exercises          # registers the Linear Algebra exercises
    >>> p = practice.another("determinant")   # shows the question, e.g. det of a random 2x2 A
    >>> p.check(my_determinant(p.A))          # prints whether the answer is right
    True
    >>> practice.drill("determinant", my_determinant, n=5)   # 5 fresh instances, a summary

An exercise is registered by a course module (``mml/la/exercises.py``, ``mml/mc/exercises.py``,
``mml/pca/exercises.py``) with :func:`exercise`; its maker draws one instance from a NumPy
random generator::

    @practice.exercise("determinant", title="Determinant of a 2x2 matrix")
    def _determinant(rng):
        A = rng.integers(-5, 6, size=(2, 2)).astype(float)
        return practice.Instance(
            question=r"Compute $\\det A$ for $A = " + practice.latex(A) + "$.",
            inputs={"A": A},
            expected=A[0, 0] * A[1, 1] - A[0, 1] * A[1, 0],
            hint="ad - bc: the area scale of the map, negative if it flips orientation.",
        )

The instance's inputs are attributes (``p.A``) and positional arguments, in order, of
``p.call(func)``; :meth:`Instance.check` compares with :func:`mml.checks.check_close` (or the
instance's own ``compare``) and never raises: practice is for learning, the graded test cells
are what count.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from mml import checks

#: name -> (title, maker)
_REGISTRY: dict[str, tuple[str, Callable[[np.random.Generator], Instance]]] = {}
#: name -> the seed the next call of :func:`another` uses
_NEXT_SEED: dict[str, int] = {}


@dataclass
class Instance:
    """One instance of an exercise: the question, its inputs and the expected answer.

    Parameters
    ----------
    question : str
        Markdown with LaTeX, shown to the learner.
    inputs : dict
        Named inputs (NumPy arrays, numbers, functions); also attributes of the instance.
    expected : Any
        The right answer (a number, an array, a tuple of them, or a bool).
    hint : str
        Shown after a wrong answer: the concept to revisit, never the answer.
    compare : callable, optional
        ``compare(value, expected)`` raising :class:`mml.checks.CheckFailed` when wrong
        (default: :func:`mml.checks.check_close` with ``rtol``/``atol``; ``==`` for bools).
    rtol, atol : float
        Tolerances of the default comparison.
    """

    question: str
    inputs: dict[str, Any]
    expected: Any
    hint: str = ""
    compare: Callable[[Any, Any], None] | None = None
    rtol: float = 1e-6
    atol: float = 1e-8
    name: str = ""
    seed: int = 0
    title: str = ""
    attempts: list[bool] = field(default_factory=list)

    def __getattr__(self, key: str) -> Any:
        inputs = self.__dict__.get("inputs", {})
        if key in inputs:
            return inputs[key]
        raise AttributeError(f"this {self.name or 'exercise'} instance has no input {key!r}; "
                             f"its inputs are {sorted(inputs)}")

    def call(self, func: Callable[..., Any]) -> Any:
        """``func(*inputs)``: the learner's function on this instance's inputs, in order."""
        return func(*self.inputs.values())

    def check(self, value: Any, *, quiet: bool = False) -> bool:
        """Say whether ``value`` answers this instance; never raises. Returns True if right."""
        try:
            if self.compare is not None:
                self.compare(value, self.expected)
            elif isinstance(self.expected, bool | np.bool_):
                checks.check_equal(bool(value) if isinstance(value, bool | np.bool_) else value,
                                   bool(self.expected), name=self.name or "answer")
            else:
                checks.check_close(value, self.expected, name=self.name or "answer",
                                   rtol=self.rtol, atol=self.atol, shape=False)
        except checks.CheckFailed as failure:
            self.attempts.append(False)
            if not quiet:
                print(f"Not yet (seed {self.seed}). {failure}")
                if self.hint:
                    print(f"  think about: {self.hint}")
            return False
        except Exception as error:  # noqa: BLE001 - any failure of an answer is reported
            self.attempts.append(False)
            if not quiet:
                print(f"Not yet (seed {self.seed}): {type(error).__name__}: {error}")
            return False
        self.attempts.append(True)
        if not quiet:
            print(f"Right! ({self.title or self.name}, seed {self.seed})")
        return True

    def _repr_markdown_(self) -> str:
        head = f"**{self.title or self.name}** (seed {self.seed})"
        return f"{head}\n\n{self.question}"

    def __repr__(self) -> str:
        return f"{self.title or self.name} (seed {self.seed}): {self.question}"


def exercise(name: str, *, title: str = "") -> Callable:
    """Register ``maker(rng) -> Instance`` as the practice exercise ``name`` (a decorator)."""

    def register(maker: Callable[[np.random.Generator], Instance]) -> Callable:
        _REGISTRY[name] = (title or name.replace("_", " "), maker)
        return maker

    return register


def names() -> list[str]:
    """The registered exercises, sorted (import a course's ``exercises`` module first)."""
    return sorted(_REGISTRY)


def another(name: str, seed: int | None = None) -> Instance:
    """A fresh instance of exercise ``name``; ``seed`` gives the same instance again.

    Without ``seed``, successive calls use seeds 1, 2, 3, ... for each exercise, so a notebook
    run from the top always shows the same sequence of instances.
    """
    if name not in _REGISTRY:
        known = ", ".join(names()) or "none yet"
        raise KeyError(
            f"no practice exercise {name!r}. Known: {known}. Exercises are registered when "
            "their course module is imported, e.g. `from mml.la import exercises`."
        )
    if seed is None:
        seed = _NEXT_SEED.get(name, 1)
        _NEXT_SEED[name] = seed + 1
    title, maker = _REGISTRY[name]
    instance = maker(np.random.default_rng(seed))
    instance.name, instance.seed, instance.title = name, seed, title
    return instance


def drill(name: str, func: Callable[..., Any], n: int = 5, seed: int | None = None) -> int:
    """Run ``func`` on ``n`` fresh instances of ``name``; print each result and the tally.

    Returns the number answered right.
    """
    right = 0
    for k in range(n):
        instance = another(name, None if seed is None else seed + k)
        try:
            value = instance.call(func)
        except Exception as error:  # noqa: BLE001 - the learner's function may fail
            print(f"seed {instance.seed}: {getattr(func, '__name__', 'the function')} raised "
                  f"{type(error).__name__}: {error}")
            continue
        right += instance.check(value)
    print(f"{right}/{n} right")
    return right


def latex(value: Any, digits: int = 3) -> str:
    """LaTeX of a number, vector or matrix (``pmatrix``), for exercise questions."""
    array = np.asarray(value)
    if array.ndim == 0:
        return _number(array.item(), digits)
    if array.ndim == 1:
        array = array.reshape(-1, 1)
    rows = [" & ".join(_number(x, digits) for x in row) for row in array]
    return r"\begin{pmatrix}" + r" \\ ".join(rows) + r"\end{pmatrix}"


def _number(x: Any, digits: int) -> str:
    x = float(x)
    if x == int(x) and abs(x) < 1e9:
        return str(int(x))
    return f"{x:.{digits}g}"


def check_function(name: str, func: Callable[..., Any], seeds: tuple[int, ...],
                   label: str = "") -> None:
    """Graded use: ``func`` must answer the instances of ``name`` drawn with ``seeds``.

    Unlike :meth:`Instance.check` this raises :class:`mml.checks.CheckFailed` at the first wrong
    answer (or exception), with a message that names the function, shows the instance's inputs,
    what was expected and what came back, and the exercise's hint. Test cells use it to try the
    same rules as the visible tests on other values.

    Parameters
    ----------
    name : str
        A registered exercise.
    func : callable
        The learner's function; called as ``func(*instance.inputs.values())``.
    seeds : tuple of int
        The instances to try, in order.
    label : str, optional
        How to call the function in messages (default: its ``__name__``).
    """
    label = label or getattr(func, "__name__", "the function")
    for seed in seeds:
        instance = another(name, seed)
        call = f"{label}(" + ", ".join(instance.inputs) + ")"
        shown = "\n".join(f"  {key} = {_shown(value, len(key) + 5)}"
                          for key, value in instance.inputs.items())
        try:
            value = instance.call(func)
        except Exception as error:  # noqa: BLE001 - the learner's function may fail
            raise checks.CheckFailed(
                f"{call} raised {type(error).__name__}: {error}\n{shown}") from None
        prefix = ""
        try:
            if instance.compare is not None:
                prefix = f"{call}: "
                instance.compare(value, instance.expected)
            elif isinstance(instance.expected, bool | np.bool_):
                checks.check_equal(value, bool(instance.expected), name=call)
            else:
                checks.check_close(value, instance.expected, name=call, rtol=instance.rtol,
                                   atol=instance.atol, shape=False)
        except checks.CheckFailed as failure:
            hint = f"\n  think about: {instance.hint}" if instance.hint else ""
            raise checks.CheckFailed(f"{prefix}{failure}\n  with\n{shown}{hint}") from None


def _shown(value: Any, indent: int) -> str:
    if callable(value):
        return getattr(value, "__name__", "a function")
    array = np.asarray(value)
    if array.dtype.kind not in "biuf":
        return repr(value)
    text = np.array2string(array, precision=4, suppress_small=True, max_line_width=80)
    return text.replace("\n", "\n" + " " * indent)
