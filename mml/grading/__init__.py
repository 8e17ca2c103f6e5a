"""The grading engine: where a student's grade is decided.

Imports point one way (each module imports only those above it):
``course``, ``cells`` -> ``sandbox``, ``repair``, ``nbgrader_ext`` -> ``session`` (one submission)
-> ``scheduler`` (a class, in parallel, crash-safe) -> ``exports`` -> ``command`` (``mml grade``).
"""

import sys

# Start-up: jsonschema (imported by nbformat, by nbgrader) loads the optional ``rfc3987_syntax``
# package if it is installed, and that compiles a grammar at import: about 1.5 s, more than half
# of nbgrader's import time, only to check "iri" string formats, which no notebook or nbgrader
# schema uses. `mml grade` does without it (nothing changes if jsonschema is already imported).
if "jsonschema" not in sys.modules:
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[assignment]
