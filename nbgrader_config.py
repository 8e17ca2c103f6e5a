"""nbgrader configuration of the course (read by every nbgrader and ``mml`` command run here)."""

import os

from nbconvert.preprocessors import ClearMetadataPreprocessor, CSSHTMLHeaderPreprocessor
from nbgrader.preprocessors import (
    AssignLatePenalties,
    CheckCellMetadata,
    Execute,
    GetGrades,
    LimitOutput,
    SaveAutoGrades,
)

from mml.grading.feedback_page import MultilineMessages
from mml.grading.nbgrader_ext import (
    FeedbackSummary,
    HideHiddenTests,
    SanitizeOutputs,
    StderrIsNotFailure,
)

c = get_config()  # noqa: F821 - provided by traitlets when it loads this file

COURSE_ROOT = os.path.dirname(os.path.abspath(__file__))

c.CourseDirectory.root = COURSE_ROOT
c.CourseDirectory.course_id = "mml"
# SQLite by default; point this at PostgreSQL for a large class (see README).
c.CourseDirectory.db_url = os.environ.get(
    "MML_DB_URL", "sqlite:///" + os.path.join(COURSE_ROOT, "gradebook.db")
)
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", ".DS_Store"]

# What a student sees in an answer cell of the release.
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"

# Running a submission: every cell gets 60 s, a dead kernel is an error not a hang.
c.Execute.timeout = 60
c.Execute.startup_timeout = 60
c.Execute.interrupt_on_timeout = True
c.Execute.raise_on_iopub_timeout = False

# Output limits, so a 100 MB print does not end up in the gradebook or the feedback.
c.LimitOutput.max_lines = 200
c.LimitOutput.max_traceback = 40

# Warnings on stderr never zero a correct answer: relabel stderr before grades are saved.
c.Autograde.autograde_preprocessors = [
    Execute,
    ClearMetadataPreprocessor,
    LimitOutput,
    StderrIsNotFailure,
    SaveAutoGrades,
    AssignLatePenalties,
    CheckCellMetadata,
]

# Feedback: a results table first, hidden-test code and tracebacks never shown, no HTML or
# JavaScript of the submission (its outputs and markdown) on the page.
c.GenerateFeedback.preprocessors = [
    SanitizeOutputs,
    HideHiddenTests,
    GetGrades,
    FeedbackSummary,
    MultilineMessages,
    CSSHTMLHeaderPreprocessor,
]
c.HTMLExporter.sanitize_html = True  # markdown cells and HTML outputs cleaned, no JavaScript
# Feedback pages carry MathJax themselves (mml/grading/feedback_page.py): maths typeset offline.
c.GenerateFeedback.exporter_class = "mml.grading.feedback_page.OfflineHTMLExporter"
# Figures: kernels draw with the inline backend, so the figures a notebook shows are kept in the
# graded notebook and its feedback (the grading tools otherwise set MPLBACKEND=agg: no pictures).
c.Execute.extra_arguments = ["--matplotlib=inline"]

# Exchange on this machine (release / fetch / submit / collect; a learner's JupyterLab in work/
# reads the same settings from work/nbgrader_config.py, written by `make lab`).
c.Exchange.root = os.path.join(COURSE_ROOT, "exchange")
c.Exchange.path_includes_course = True

# --- Sandbox (issue 6, mml/sandbox.py) --------------------------------------------------------
# Every student kernel runs under bubblewrap: no network, system and Python read-only, only a
# private copy of the one submission writable, data/ read-only; source/, release/, the gradebook,
# other students and $HOME invisible. Without bubblewrap grading is refused, unless
# MML_UNSAFE_GRADING=1 is set or `mml grade --unsafe-no-sandbox` is used. `mml grade` flags
# (--memory, --cpu-time, --processes, --file-size, --disk, --output, --timeout,
# --notebook-timeout) override these values.
from mml.grading.sandbox import configure_nbgrader  # noqa: E402

c.Sandbox.memory_limit = "2G"  # address space per kernel (RLIMIT_AS)
c.Sandbox.cpu_time_limit = 600  # CPU seconds per kernel (RLIMIT_CPU)
c.Sandbox.max_processes = 128  # processes + threads per kernel (RLIMIT_NPROC)
c.Sandbox.file_size_limit = "100M"  # largest file a kernel may write (RLIMIT_FSIZE)
c.Sandbox.disk_limit = "512M"  # the kernel's private writable copy of the submission (tmpfs)
c.Sandbox.output_limit = "2M"  # output kept per notebook; the rest is dropped with a note
c.Sandbox.notebook_timeout = 900  # wall-clock seconds per notebook (cells: c.Execute.timeout)
c.Sandbox.message_limit = "128M"  # largest message the grader accepts from a kernel
c.Sandbox.allow_unsafe = os.environ.get("MML_UNSAFE_GRADING") == "1"
# Test cells run in a trusted process of the grader (mml/grading/trusted.py), never in the
# student's kernel; each test cell gets c.Execute.timeout seconds there too.
configure_nbgrader(c)  # plain `nbgrader autograde` is sandboxed too
