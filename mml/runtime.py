"""Where a notebook is running: interactively, or unattended under nbgrader.

Notebooks use :func:`unattended` to skip optional slow demonstrations and to show a static
picture instead of waiting for clicks while they are autograded or validated.
"""

from __future__ import annotations

import os


def unattended() -> bool:
    """True while nbgrader autogrades or validates this notebook (``NBGRADER_EXECUTION`` is set),
    or when ``MML_UNATTENDED=1`` is set (the test-suite's own notebook runs)."""
    return bool(os.environ.get("NBGRADER_EXECUTION")) or os.environ.get("MML_UNATTENDED") == "1"
