"""Where a notebook is running, and what a learner sees when a live part cannot run.

* :func:`unattended`: notebooks skip optional slow demonstrations and show a static picture
  instead of waiting for clicks while they are autograded or validated.
* :func:`live_box`: an ipywidgets box (explorers, games) that, once the notebook is saved and
  reopened without the kernel that drew it, shows one line "Run the cell to start the explorer"
  instead of JupyterLab's endless "Loading widget..." or "model not found".
* :func:`time_boxed`: a timing demonstration measures growing sizes until its time budget is
  spent, so a notebook stays quick on a slow or busy machine.
* :func:`uses_exercise`: a demonstration or payoff cell that uses an exercise says
  "finish exercise N first" instead of a ``NameError`` or a reshape error from deep inside.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

# The note is shown only while the output area next to it has no live widget view; the dead view
# itself ("Loading widget...", "model not found") is hidden. Pure CSS (:has), so it works after a
# reopen without any kernel. JupyterLab renders a widget output as a Lumino panel
# (``.jp-OutputArea-output.lm-Panel``): a live view is a Lumino widget inside it, a dead one is
# only that panel's text. Both rules apply only to an output area that holds the note.
_NOTE = """<style>
.jp-OutputArea:has(.jp-OutputArea-output.lm-Panel > .lm-Widget) .mml-needs-kernel {{display: none;}}
.jp-OutputArea:has(.mml-needs-kernel) .jp-OutputArea-output.lm-Panel:not(:has(> .lm-Widget))
{{display: none;}}
</style><div class="mml-needs-kernel" style="color: #9a5b00; font-style: italic;">
&#9654; Run the cell to start {what} (it needs a running kernel).</div>"""


def unattended() -> bool:
    """True while nbgrader autogrades or validates this notebook (``NBGRADER_EXECUTION`` is set),
    or when ``MML_UNATTENDED=1`` is set (the test-suite's own notebook runs)."""
    return bool(os.environ.get("NBGRADER_EXECUTION")) or os.environ.get("MML_UNATTENDED") == "1"


def needs_kernel_note(what: str = "the explorer") -> str:
    """HTML of the one-line note shown where a live widget is not running (see :func:`live_box`)."""
    return _NOTE.format(what=what)


@lru_cache(maxsize=1)
def _live_box_class() -> type:
    import ipywidgets as widgets  # noqa: PLC0415 - only notebooks with widgets pay for it
    from IPython.display import HTML, display  # noqa: PLC0415

    class LiveBox(widgets.VBox):
        """A VBox that displays :func:`needs_kernel_note` above itself."""

        what = "the explorer"

        def _ipython_display_(self, **kwargs: Any) -> None:
            if not unattended():
                display(HTML(needs_kernel_note(self.what)))
            display(self._repr_mimebundle_(**kwargs), raw=True)

    return LiveBox


def live_box(children: list, what: str = "the explorer", **kwargs: Any) -> Any:
    """An ``ipywidgets.VBox`` of ``children`` that says "Run the cell to start ``what``" when
    the notebook is reopened without a kernel (``kwargs`` go to the VBox)."""
    box = _live_box_class()(children, **kwargs)
    box.what = what
    return box


def time_boxed(sizes: Iterable, measure: Callable[[Any], Any], budget: float = 3.0,
               ) -> tuple[list, list]:
    """Call ``measure(size)`` for each size in turn until ``budget`` seconds have been spent.

    Parameters
    ----------
    sizes : the sizes to try, smallest first
    measure : ``measure(size) -> result`` (for example the run times of two methods)
    budget : seconds; the size being measured when it runs out is the last one

    Returns
    -------
    (sizes measured, their results), two lists of the same length (at least one entry)
    """
    done, results, start = [], [], time.perf_counter()
    for size in sizes:
        results.append(measure(size))
        done.append(size)
        if time.perf_counter() - start > budget:
            break
    return done, results


@contextmanager
def uses_exercise(*exercises: int | str) -> Iterator[None]:
    """Run a demonstration that uses the learner's exercises; if one is not done, say so.

    Use it around the body of an ungraded cell that calls the learner's functions::

        with uses_exercise(2, 3):
            compare(next_step_steepest, next_step_newton)

    Any error inside (``NotImplementedError`` of an unfinished exercise, a ``NameError`` of a
    cell not run, a shape error of an answer not right yet) becomes one line, "Finish exercise
    2 and 3 first ...", and the notebook carries on; the exercises' test cells say what is wrong.
    """
    try:
        yield
    except Exception as exc:  # noqa: BLE001 - any error here comes from an unfinished exercise
        said = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        said = said.strip().splitlines()[0][:160]
        them = "it" if len(exercises) == 1 else "them"
        print(f"Finish {_exercise_names(exercises)} first: this cell uses {them} and stopped "
              f"with {said}. The test cell under each exercise says what is missing; then run "
              "this cell again.")


def _exercise_names(exercises: tuple[int | str, ...]) -> str:
    """``(2, 3)`` -> "exercises 2 and 3"; ``("gsBasis",)`` -> "the exercise `gsBasis`"."""
    numbers = [str(e) for e in exercises if isinstance(e, int)]
    names = [f"`{e}`" for e in exercises if not isinstance(e, int)]
    parts = []
    if numbers:
        listed = ", ".join(numbers[:-1]) + " and " + numbers[-1] if len(numbers) > 1 else numbers[0]
        parts.append(("exercises " if len(numbers) > 1 else "exercise ") + listed)
    if names:
        parts.append(("the exercises " if len(names) > 1 else "the exercise ") + ", ".join(names))
    return " and ".join(parts)
