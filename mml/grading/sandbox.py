"""Run untrusted notebook kernels inside a bubblewrap sandbox with resource limits.

nbgrader executes every submitted notebook in a Jupyter kernel that, by default, runs with the
rights of the instructor.  This module replaces that kernel by a sandboxed one:

* :class:`Sandbox` holds the settings (a traitlets ``Configurable``, so ``c.Sandbox.memory_limit =
  "2G"`` in ``nbgrader_config.py`` and ``mml grade --memory 2G`` both work);
* :class:`SandboxKernelManager` starts ``ipykernel`` under ``bwrap``: no network, the system and the
  Python environment read-only, only a private copy of the one submission writable (in a size
  limited tmpfs), ``data/`` read-only, nothing else of the course (``source/``, ``release/``, the
  gradebook, other students, the home directory) visible; per-kernel limits on memory, CPU time,
  processes and file size are set with ``setrlimit`` inside the sandbox.  The kernel talks to the
  grader over ZeroMQ ``ipc`` sockets in a private directory, because a network-less kernel cannot
  reach the TCP loopback of the grader;
* :class:`SandboxExecuteMixin` (and :class:`SandboxedExecute`) wraps nbgrader's ``Execute``
  preprocessor: it uses the sandboxed kernel, caps the size of the captured output, turns a dead or
  unresponsive kernel into failed tests instead of a crashed grading run, enforces a wall-clock
  budget per notebook, and records what went wrong in plain words (:data:`INCIDENTS`). The
  kernel runs every cell but the test cells; those run afterwards in a trusted process
  (:mod:`mml.grading.trusted`), which calls the student's functions in the kernel through the
  data-only channel of :mod:`mml.grading.wire`; each test's outcome is written as its output.

Example
-------
In ``nbgrader_config.py``::

    c.Sandbox.memory_limit = "2G"
    c.Sandbox.cpu_time_limit = 600
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from traitlets import Bool, Int, List, Unicode, default
from traitlets.config import Configurable

from mml.grading import bubblewrap, wire
from mml.grading.trusted import TrustedTests, trusted_plan

# --------------------------------------------------------------------------------------------
# settings
# --------------------------------------------------------------------------------------------

_SIZE_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?\s*$", re.IGNORECASE)
_SIZE_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3, "t": 1024**4}

INSTALL_HINT = (
    "bubblewrap (the `bwrap` command) is needed to grade untrusted notebooks safely.\n"
    "Install it with:  sudo apt-get install bubblewrap   (Debian/Ubuntu)\n"
    "                  sudo dnf install bubblewrap       (Fedora/RHEL)\n"
    "                  conda install -c conda-forge bubblewrap\n"
    "If you really want to run students' code with your own rights, pass --unsafe-no-sandbox\n"
    "(or set c.Sandbox.allow_unsafe = True in nbgrader_config.py)."
)


def parse_size(value: str | int) -> int:
    """Return a size such as ``"2G"``, ``"512M"``, ``"100k"`` or ``4096`` in bytes.

    Parameters
    ----------
    value : str or int
        A number of bytes, or a number followed by ``k``, ``M``, ``G`` or ``T`` (powers of 1024).

    Returns
    -------
    int
        The size in bytes.

    Raises
    ------
    ValueError
        If ``value`` is not a size.
    """
    if isinstance(value, int):
        return value
    match = _SIZE_RE.match(str(value))
    if not match:
        raise ValueError(f"not a size: {value!r} (use e.g. 2G, 512M, 100k)")
    return int(float(match.group(1)) * _SIZE_UNITS[match.group(2).lower()])


def format_size(n: int) -> str:
    """Format ``n`` bytes for a human (``"2.0 GB"``)."""
    size = float(n)
    for unit in ("B", "kB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} GB"  # pragma: no cover


class SandboxUnavailable(RuntimeError):
    """bubblewrap is missing or cannot create namespaces on this machine."""


class Sandbox(Configurable):
    """Settings of the grading sandbox (``c.Sandbox.*`` in ``nbgrader_config.py``)."""

    enabled = Bool(
        True, help="Run student kernels under bubblewrap. Disable only for trusted code."
    ).tag(config=True)
    allow_unsafe = Bool(
        False,
        help="If bubblewrap is unavailable, grade WITHOUT a sandbox instead of refusing to grade.",
    ).tag(config=True)
    bwrap = Unicode(help="The bubblewrap executable.").tag(config=True)
    @default("bwrap")
    def _bwrap_default(self) -> str:
        return bubblewrap.executable()

    memory_limit = Unicode("2G", help="Address-space limit per kernel (RLIMIT_AS).").tag(
        config=True
    )
    cpu_time_limit = Int(600, help="CPU seconds per kernel (RLIMIT_CPU).").tag(config=True)
    max_processes = Int(
        128, help="Processes and threads per kernel (RLIMIT_NPROC, counted in the sandbox)."
    ).tag(config=True)
    file_size_limit = Unicode("100M", help="Largest file a kernel may write (RLIMIT_FSIZE).").tag(
        config=True
    )
    disk_limit = Unicode(
        "512M", help="Size of the private writable copy of the submission (a tmpfs)."
    ).tag(config=True)
    tmp_limit = Unicode("64M", help="Size of the kernel's /tmp (a tmpfs).").tag(config=True)
    max_open_files = Int(1024, help="Open files per kernel (RLIMIT_NOFILE).").tag(config=True)
    output_limit = Unicode(
        "2M", help="Largest total output (text, images) captured from one notebook."
    ).tag(config=True)
    message_limit = Unicode(
        "128M", help="Largest message the grader accepts from a kernel (larger ones are dropped)."
    ).tag(config=True)
    notebook_timeout = Int(
        900, help="Wall-clock seconds for a whole notebook; 0 means no limit."
    ).tag(config=True)
    uid = Int(
        -1,
        help=(
            "When grading as root: the unprivileged uid the kernel runs as. -1 picks a fresh "
            "unused uid per kernel so that process limits of parallel kernels do not add up."
        ),
    ).tag(config=True)
    data_dir = Unicode(
        "data", help="Directory mounted read-only in the sandbox (relative to the course root)."
    ).tag(config=True)
    data_mount = Unicode("/course/data", help="Where data_dir appears inside the sandbox.").tag(
        config=True
    )
    extra_ro_paths = List(
        Unicode(), [], help="More host paths to mount read-only at the same place."
    ).tag(config=True)
    course_root = Unicode(
        "", help="Course directory (default: CourseDirectory.root or the current directory)."
    ).tag(config=True)

    # -- derived values ---------------------------------------------------------------------

    def limits(self) -> dict[str, tuple[int, int]]:
        """Return the rlimits set inside the sandbox, as ``{name: (soft, hard)}``."""
        memory = parse_size(self.memory_limit)
        fsize = parse_size(self.file_size_limit)
        cpu = max(1, int(self.cpu_time_limit))
        return {
            "RLIMIT_AS": (memory, memory),
            "RLIMIT_CPU": (cpu, cpu + 5),
            "RLIMIT_NPROC": (self.max_processes, self.max_processes),
            "RLIMIT_FSIZE": (fsize, fsize),
            "RLIMIT_NOFILE": (self.max_open_files, self.max_open_files),
            "RLIMIT_CORE": (0, 0),
        }

    def resolved_course_root(self) -> str:
        """The course directory, as an absolute path."""
        if self.course_root:
            return os.path.abspath(self.course_root)
        root = ""
        try:
            root = self.config.CourseDirectory.root  # type: ignore[attr-defined]
        except AttributeError:
            root = ""
        if not isinstance(root, str) or not root:
            root = os.getcwd()
        return os.path.abspath(root)

    def resolved_data_dir(self) -> str | None:
        """The host directory mounted as data, or None if there is none.

        ``data_dir`` relative to the course root; if the course has no such folder, the
        ``data/`` folder next to the ``mml`` package (where :mod:`mml.data` looks by default).
        """
        path = self.data_dir
        if not path:
            return None
        candidates = [path] if os.path.isabs(path) else [
            os.path.join(self.resolved_course_root(), path),
            os.path.join(os.path.dirname(_PACKAGE_DIR), path),
        ]
        for candidate in candidates:
            if os.path.isdir(candidate):
                return os.path.abspath(candidate)
        return None

    def describe(self) -> str:
        """One line describing the limits, for logs and the CLI."""
        return (
            f"memory {self.memory_limit}, CPU {self.cpu_time_limit} s, "
            f"{self.max_processes} processes, files {self.file_size_limit}, "
            f"disk {self.disk_limit}, output {self.output_limit}, "
            f"notebook {self.notebook_timeout} s"
        )


# --------------------------------------------------------------------------------------------
# availability
# --------------------------------------------------------------------------------------------

_PROBE_CACHE: dict[str, str | None] = {}


def bwrap_problem(bwrap: str | None = None) -> str | None:
    """Return why bubblewrap cannot be used here, or None if it works.

    Parameters
    ----------
    bwrap : str, optional
        The executable to try (default: :func:`mml.grading.bubblewrap.executable`).

    Returns
    -------
    str or None
        A message for the instructor, or None when ``bwrap`` runs a process with new network and
        pid namespaces.
    """
    bwrap = bwrap or bubblewrap.executable()
    if bwrap in _PROBE_CACHE:
        return _PROBE_CACHE[bwrap]
    path = shutil.which(bwrap)
    if path is None:
        problem: str | None = f"`{bwrap}` was not found on PATH."
    else:
        cmd = [path, "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc",
               "--unshare-net", "--unshare-pid", "--die-with-parent", "--new-session"]
        if os.geteuid() != 0:
            cmd.append("--unshare-user")
        cmd += ["--", "/bin/sh", "-c", "exit 0"]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=30)
        except (OSError, subprocess.TimeoutExpired) as exc:
            problem = f"`{path}` could not be run: {exc}"
        else:
            problem = None
            if proc.returncode != 0:
                problem = bubblewrap.explain_failure(path, proc.stderr)
    _PROBE_CACHE[bwrap] = problem
    return problem


def require_sandbox(settings: Sandbox) -> bool:
    """Check that the sandbox can be used; return False if grading will be unsafe.

    Parameters
    ----------
    settings : Sandbox
        The sandbox settings.

    Returns
    -------
    bool
        True if kernels will be sandboxed, False if the instructor allowed unsafe grading.

    Raises
    ------
    SandboxUnavailable
        If bubblewrap does not work and unsafe grading was not allowed.
    """
    if not settings.enabled:
        if settings.allow_unsafe:
            return False
        raise SandboxUnavailable(
            "The sandbox is disabled (c.Sandbox.enabled = False) but unsafe grading was not "
            "allowed (c.Sandbox.allow_unsafe)."
        )
    problem = bwrap_problem(settings.bwrap)
    if problem is None:
        return True
    if settings.allow_unsafe:
        return False
    installed = shutil.which(settings.bwrap) is not None
    raise SandboxUnavailable(problem if installed else f"{problem}\n{INSTALL_HINT}")


# --------------------------------------------------------------------------------------------
# incidents: what went wrong, per notebook, in plain words
# --------------------------------------------------------------------------------------------


@dataclass
class Incident:
    """Something that went wrong while running one notebook."""

    kind: str  # timeout, crash, memory, cpu, processes, output, killed, tamper, file, budget
    message: str
    cell: str | None = None

    def __str__(self) -> str:
        where = f" (cell {self.cell})" if self.cell else ""
        return f"{self.message}{where}"


@dataclass
class NotebookReport:
    """Incidents of one notebook of one student."""

    student: str
    assignment: str
    notebook: str
    incidents: list[Incident] = field(default_factory=list)
    sandboxed: bool = True
    seconds: float = 0.0


#: Reports of the notebooks run in this process, keyed by (student, assignment, notebook).
INCIDENTS: dict[tuple[str, str, str], NotebookReport] = {}

#: (pid of bwrap, uid of the kernel or None) of every sandbox started by this process
LAUNCHED: list[tuple[int, int | None]] = []


def _exit_status_incident(returncode: int | None, resource_hint: Sandbox | None) -> Incident:
    """Turn the exit status of bwrap (128 + signal for a killed kernel) into words."""
    if returncode is None:
        return Incident("crash", "the kernel stopped responding and was stopped")
    code = returncode - 128 if returncode > 128 else None
    if returncode < 0:
        code = -returncode
    if code is not None:
        if code == signal.SIGXCPU:
            return Incident("cpu", "the kernel used up its CPU time limit and was stopped")
        if code == signal.SIGKILL:
            return Incident(
                "killed",
                "the kernel was killed (out of memory, too many processes, or stopped by "
                "the grader)",
            )
        if code == signal.SIGSEGV:
            return Incident("crash", "the kernel crashed (segmentation fault)")
        if code == signal.SIGXFSZ:
            return Incident("file", "the kernel wrote a file larger than allowed")
        if code in (signal.SIGBUS, signal.SIGABRT, signal.SIGILL, signal.SIGFPE):
            return Incident("crash", f"the kernel crashed ({signal.Signals(code).name})")
        try:
            name = signal.Signals(code).name
        except ValueError:
            name = f"signal {code}"
        return Incident("crash", f"the kernel was stopped by {name}")
    return Incident("crash", f"the kernel exited (exit code {returncode}), e.g. by os._exit()")


# --------------------------------------------------------------------------------------------
# the kernel manager
# --------------------------------------------------------------------------------------------

# Runs inside the sandbox as the first process: copies the staged submission into the private
# tmpfs, sets the resource limits, drops root (when the grader runs as root), and execs the kernel.
_LAUNCHER = r"""
import json, os, resource, shutil, sys
spec = json.loads(sys.argv[1])
cmd = sys.argv[2:]
work = spec["work"]
if os.path.isdir(spec["stage"]):
    shutil.copytree(spec["stage"], work, symlinks=True, dirs_exist_ok=True)
os.makedirs(work, exist_ok=True)
for d in spec["mkdirs"]:
    os.makedirs(d, exist_ok=True)
uid, gid = spec["uid"], spec["gid"]
if uid is not None:
    for top in spec["owned"]:
        os.chown(top, uid, gid)
        device = os.lstat(top).st_dev
        for root, dirs, files in os.walk(top):
            # stay on this tmpfs: read-only mounts below it (a venv under /tmp) are not ours
            dirs[:] = [d for d in dirs if os.lstat(os.path.join(root, d)).st_dev == device]
            for name in dirs + files:
                try:
                    os.lchown(os.path.join(root, name), uid, gid)
                except OSError:
                    pass
os.chmod("/tmp", 0o1777)
for name, (soft, hard) in spec["limits"].items():
    resource.setrlimit(getattr(resource, name), (soft, hard))
if uid is not None:
    os.setgroups([])
    os.setresgid(gid, gid, gid)
    os.setresuid(uid, uid, uid)
    if os.getuid() != uid or os.geteuid() != uid:
        sys.exit("could not drop privileges")
os.umask(0o022)
null = os.open("/dev/null", os.O_RDWR)
os.dup2(null, 1)
os.dup2(null, 2)
os.chdir(work)
os.execve(cmd[0], cmd, spec["env"])
"""

_SANDBOX_HOME = "/home/student"
#: where the kernel creates its ZeroMQ ipc sockets, inside the sandbox
IPC_DIR = "/run/mml-ipc"
#: environment variables of the grader that the kernel gets (everything else is cleared)
_PASSED_ENV = ("NBGRADER_EXECUTION", "MPLBACKEND", "MML_UNATTENDED")
_PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # mml/


def _children_map() -> dict[int, list[int]]:
    """Parent pid -> child pids of every live (not zombie) process, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                stat = handle.read()
        except OSError:
            continue
        # the command name (field 2) may contain spaces: split after its closing parenthesis
        fields = stat[stat.rfind(b")") + 2:].split()
        if len(fields) > 1 and fields[0] not in (b"Z", b"X"):  # zombies are already dead
            children.setdefault(int(fields[1]), []).append(int(entry))
    return children


def _fresh_uid() -> int:
    """An unprivileged uid used by no running process (for kernels started as root)."""
    used: set[int] = set()
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                used.add(os.stat(f"/proc/{pid}").st_uid)
            except OSError:
                pass
    base = 3_000_000 + (os.getpid() % 1000) * 1000
    for offset in range(1000):
        uid = base + offset
        if uid not in used:
            return uid
    return 65534  # pragma: no cover


def _stage_submission(src: str, dest: str, max_file: int, max_total: int) -> list[str]:
    """Copy the regular files of ``src`` (not notebooks, not links) into ``dest``.

    Returns the relative paths that were left out, with the reason.
    """
    skipped: list[str] = []
    total = 0
    os.makedirs(dest, exist_ok=True)
    if not src or not os.path.isdir(src):
        return skipped
    for root, dirs, files in os.walk(src, followlinks=False):
        rel_root = os.path.relpath(root, src)
        for name in list(dirs):
            full = os.path.join(root, name)
            if os.path.islink(full) or name in (".ipynb_checkpoints", "__pycache__"):
                dirs.remove(name)
                if os.path.islink(full):
                    skipped.append(f"{os.path.normpath(os.path.join(rel_root, name))} (link)")
        for name in files:
            full = os.path.join(root, name)
            rel = os.path.normpath(os.path.join(rel_root, name))
            if name.endswith(".ipynb"):
                continue  # the notebook itself (with the hidden tests) stays out of reach
            if os.path.islink(full) or not os.path.isfile(full):
                skipped.append(f"{rel} (link or special file)")
                continue
            size = os.path.getsize(full)
            if size > max_file or total + size > max_total:
                skipped.append(f"{rel} (too large: {format_size(size)})")
                continue
            target = os.path.join(dest, rel)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            shutil.copyfile(full, target)
            total += size
    return skipped


def sandbox_command(
    settings: Sandbox,
    kernel_cmd: list[str],
    *,
    conn_dir: str,
    stage_dir: str,
    workdir_name: str,
    uid: int | None,
    env_extra: dict[str, str] | None = None,
) -> list[str]:
    """Build the ``bwrap`` command line that runs ``kernel_cmd`` in the sandbox.

    Parameters
    ----------
    settings : Sandbox
        Limits and mounts.
    kernel_cmd : list of str
        The kernel command (``python -m ipykernel_launcher -f CONNECTION_FILE``).
    conn_dir : str
        Private host directory with the connection file, mounted read-only at the same path.
        The kernel's ipc sockets live in a tiny tmpfs inside the sandbox (``/run/mml-ipc``);
        the grader reaches them through ``/proc/<pid>/root``, so the kernel can write nothing
        at all on the host.
    stage_dir : str
        Host directory with the files of the submission, copied into the private tmpfs at start.
    workdir_name : str
        Name of the working directory inside the sandbox (under ``/home/student``).
    uid : int or None
        When the grader runs as root, the unprivileged uid the kernel runs as.
    env_extra : dict, optional
        Extra environment variables for the kernel.

    Returns
    -------
    list of str
        The full command.
    """
    bwrap = shutil.which(settings.bwrap) or settings.bwrap
    python = kernel_cmd[0]
    workdir = f"{_SANDBOX_HOME}/{workdir_name}"
    venv = sys.prefix
    args: list[str] = [
        bwrap,
        "--die-with-parent",
        "--new-session",
        "--unshare-pid",
        "--unshare-net",
        "--unshare-ipc",
        "--unshare-uts",
        "--unshare-cgroup-try",
        "--hostname", "sandbox",
    ]
    if os.geteuid() != 0:
        args.append("--unshare-user")
    else:
        # bwrap runs privileged; keep only what the launcher needs to chown and drop to `uid`
        args += ["--cap-drop", "ALL"]
        for cap in ("CAP_SETUID", "CAP_SETGID", "CAP_CHOWN", "CAP_FOWNER"):
            args += ["--cap-add", cap]
    # the system, read-only
    for path in ("/usr", "/etc", "/opt"):
        if os.path.isdir(path):
            args += ["--ro-bind", path, path]
    for path in ("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"):
        if os.path.islink(path):
            args += ["--symlink", os.readlink(path), path]
        elif os.path.isdir(path):
            args += ["--ro-bind", path, path]
    # a private /tmp first: binds below may live under /tmp (a CI clone's .venv) and must stay
    # visible on top of it
    args += ["--size", str(parse_size(settings.tmp_limit)), "--tmpfs", "/tmp"]
    # the Python environment and the course package, read-only
    ro_paths = [sys.base_prefix, venv, os.path.dirname(os.path.realpath(python)), _PACKAGE_DIR]
    ro_paths += list(settings.extra_ro_paths)
    made: set[str] = {"/", "/usr", "/etc", "/opt", "/proc", "/dev", "/tmp"}

    def parents(path: str) -> None:
        # mount points are created by bwrap; make their parents traversable (mode 0755)
        parent = os.path.dirname(path)
        chain = []
        while parent not in made and parent != "/":
            chain.append(parent)
            parent = os.path.dirname(parent)
        for directory in reversed(chain):
            args.extend(["--perms", "0755", "--dir", directory])
            made.add(directory)

    mounted: list[str] = []
    for path in ro_paths:
        path = os.path.abspath(path)
        if not os.path.exists(path) or any(
            path == m or path.startswith(m.rstrip("/") + "/") for m in mounted + ["/usr"]
        ):
            continue
        mounted.append(path)
        parents(path)
        args += ["--ro-bind", path, path]
        made.add(path)
    args += ["--proc", "/proc", "--dev", "/dev"]
    parents(_SANDBOX_HOME)
    args += ["--size", str(parse_size(settings.disk_limit)), "--tmpfs", _SANDBOX_HOME]
    stage_mount = "/run/mml-stage"
    parents(stage_mount)
    args += ["--ro-bind", stage_dir, stage_mount]
    data = settings.resolved_data_dir()
    if data:
        parents(settings.data_mount)
        args += ["--ro-bind", data, settings.data_mount]
    parents(conn_dir)
    args += ["--ro-bind", conn_dir, conn_dir]
    parents(IPC_DIR)
    args += ["--size", str(1024 * 1024), "--tmpfs", IPC_DIR]
    args += ["--chdir", "/", "--clearenv"]
    env = {
        "PATH": f"{venv}/bin:/usr/local/bin:/usr/bin:/bin",
        "HOME": _SANDBOX_HOME,
        "USER": "student",
        "LOGNAME": "student",
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "TMPDIR": "/tmp",
        "VIRTUAL_ENV": venv,
        "MPLCONFIGDIR": f"{_SANDBOX_HOME}/.config/matplotlib",
        "IPYTHONDIR": f"{_SANDBOX_HOME}/.ipython",
        "JUPYTER_CONFIG_DIR": f"{_SANDBOX_HOME}/.jupyter",
        "JUPYTER_RUNTIME_DIR": f"{_SANDBOX_HOME}/.jupyter/runtime",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONNOUSERSITE": "1",
        "PYDEVD_DISABLE_FILE_VALIDATION": "1",
        "OPENBLAS_NUM_THREADS": "1",
        "OMP_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
        "NUMEXPR_NUM_THREADS": "1",
        "MALLOC_ARENA_MAX": "2",  # threads' malloc arenas would eat the address-space limit
        "MML_SANDBOX": "1",
    }
    if data:
        env["MML_DATA_DIR"] = settings.data_mount
    if env_extra:
        env.update(env_extra)
    spec = {
        "work": workdir,
        "stage": stage_mount,
        "mkdirs": [f"{_SANDBOX_HOME}/.config/matplotlib", f"{_SANDBOX_HOME}/.ipython"],
        "owned": [_SANDBOX_HOME, "/tmp", IPC_DIR],
        "uid": uid,
        "gid": uid,
        "limits": settings.limits(),
        "env": env,
    }
    args += ["--", python, "-I", "-S", "-c", _LAUNCHER, json.dumps(spec)]
    return args + list(kernel_cmd)


def _kernel_manager_base() -> type:
    from jupyter_client.manager import AsyncKernelManager  # noqa: PLC0415

    return AsyncKernelManager


class SandboxKernelManager(_kernel_manager_base()):  # type: ignore[misc]
    """An ``AsyncKernelManager`` whose kernel runs in the bubblewrap sandbox.

    The kernel's working directory (``cwd`` given by nbclient, i.e. the autograded submission) is
    *copied* into the sandbox, without notebooks and links; nothing the kernel writes comes back.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.sandbox_settings = Sandbox(config=self.config)
        self._sandbox_dir: str | None = None
        self.sandbox_skipped: list[str] = []
        self.transport = "ipc"

    def client(self, **kwargs: Any) -> Any:
        """A client whose sockets drop any message larger than ``Sandbox.message_limit``."""
        import zmq  # noqa: PLC0415

        kc = super().client(**kwargs)
        kc.context.setsockopt(zmq.MAXMSGSIZE, parse_size(self.sandbox_settings.message_limit))
        return kc

    async def _async_pre_start_kernel(self, **kw: Any) -> tuple[list[str], dict[str, Any]]:
        settings = self.sandbox_settings
        cwd = kw.get("cwd") or os.getcwd()
        root = tempfile.mkdtemp(prefix="mml-sandbox-")
        self._sandbox_dir = root
        conn = os.path.join(root, "conn")
        stage = os.path.join(root, "stage")
        os.mkdir(conn, 0o700)
        self.sandbox_skipped = _stage_submission(
            str(cwd), stage, parse_size(settings.file_size_limit), parse_size(settings.disk_limit)
        )
        uid: int | None = None
        if os.geteuid() == 0:
            uid = settings.uid if settings.uid >= 0 else _fresh_uid()
            os.chown(conn, uid, uid)
            os.chmod(root, 0o711)
        self.transport = "ipc"
        self.ip = f"{IPC_DIR}/k"  # as the kernel sees it; the grader's view is set at launch
        self.connection_file = os.path.join(conn, "kernel.json")
        # messages, not signals: a SIGINT to bwrap would not reach the kernel inside
        if self.kernel_spec is not None:
            self.kernel_spec.interrupt_mode = "message"
        kw["cwd"] = root
        kw["stdin"] = subprocess.DEVNULL
        kw["stdout"] = subprocess.DEVNULL
        self._log_file = open(os.path.join(root, "sandbox.log"), "wb")  # noqa: SIM115
        kw["stderr"] = self._log_file
        kernel_cmd, kw = await super()._async_pre_start_kernel(**kw)
        if uid is not None:
            os.chown(self.connection_file, uid, uid)
        name = os.path.basename(os.path.normpath(str(cwd))) or "work"
        name = re.sub(r"[^A-Za-z0-9._-]", "_", name)
        extra = {name: os.environ.get(name, "") for name in _PASSED_ENV}
        cmd = sandbox_command(
            settings, kernel_cmd, conn_dir=conn, stage_dir=stage, workdir_name=name, uid=uid,
            env_extra={k: v for k, v in extra.items() if v},
        )
        self._sandbox_uid = uid
        return cmd, kw

    async def _async_launch_kernel(self, kernel_cmd: list[str], **kw: Any) -> None:
        await super()._async_launch_kernel(kernel_cmd, **kw)
        process = getattr(self.provisioner, "process", None)
        if process is None:
            return
        LAUNCHED.append((process.pid, getattr(self, "_sandbox_uid", None)))
        # the sockets are inside the sandbox: connect through the root of its first process
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and process.poll() is None:
            inside = _children_map().get(process.pid)
            if inside:
                self.ip = f"/proc/{inside[0]}/root{IPC_DIR}/k"
                return
            await asyncio.sleep(0.005)

    def kernel_pid(self) -> int | None:
        """Host pid of the kernel process (the grandchild of bwrap), or None."""
        process = getattr(getattr(self, "provisioner", None), "process", None)
        if process is None:
            return None
        children = _children_map()
        level = [process.pid]
        for _ in range(2):  # bwrap -> bwrap's init in the new pid namespace -> kernel
            level = [c for pid in level for c in children.get(pid, [])]
        return level[0] if len(level) == 1 else None

    def reap(self) -> int:
        """Kill every process the kernel started (a cell's leftovers, a fork bomb's children).

        Returns
        -------
        int
            How many processes were killed.
        """
        kernel = self.kernel_pid()
        process = getattr(getattr(self, "provisioner", None), "process", None)
        if kernel is None or process is None:
            return 0
        killed: set[int] = set()
        for _ in range(20):  # processes may still be forking while we sweep: repeat
            children = _children_map()
            # everything in the sandbox but its init and the kernel (orphans too, whom the
            # sandbox's init adopted)
            inits = children.get(process.pid, [])
            todo = [pid for init in inits for pid in children.get(init, []) if pid != kernel]
            todo += children.get(kernel, [])
            found = []
            while todo:
                pid = todo.pop()
                found.append(pid)
                todo.extend(children.get(pid, []))
            if not found:
                break
            for pid in found:
                try:
                    os.kill(pid, signal.SIGKILL)
                except OSError:
                    pass
            killed.update(found)
            time.sleep(0.01)
        return len(killed)

    async def _async_interrupt_kernel(self) -> None:
        """Stop the cell's other processes first (a fork bomb would starve the kernel of the CPU
        it needs to act on the interrupt), then interrupt the kernel."""
        self.reap()
        await super()._async_interrupt_kernel()

    interrupt_kernel = _async_interrupt_kernel

    def exit_status(self) -> int | None:
        """The exit status of the sandbox process (128 + signal if killed), or None."""
        provisioner = getattr(self, "provisioner", None)
        process = getattr(provisioner, "process", None)
        if process is None:
            return None
        return process.poll()

    async def _async_cleanup_resources(self, restart: bool = False) -> None:
        try:
            await super()._async_cleanup_resources(restart=restart)
        finally:
            if getattr(self, "_log_file", None) is not None and not restart:
                self._log_file.close()
                self._log_file = None
            if self._sandbox_dir and not restart:
                shutil.rmtree(self._sandbox_dir, ignore_errors=True)
                self._sandbox_dir = None


# --------------------------------------------------------------------------------------------
# the Execute preprocessor
# --------------------------------------------------------------------------------------------

_ERROR_TEXT_LIMIT = 4000


def _cell_name(cell: Any, index: int) -> str:
    return cell.get("metadata", {}).get("nbgrader", {}).get("grade_id") or f"#{index + 1}"


def _output_size(out: Any) -> int:
    kind = out.get("output_type")
    if kind == "stream":
        return len(out.get("text", ""))
    if kind == "error":
        return 0
    size = 0
    for value in (out.get("data") or {}).values():
        size += len(value) if isinstance(value, str) else len(json.dumps(value))
    return size


def _error_output(ename: str, evalue: str) -> Any:
    from nbformat.notebooknode import NotebookNode  # noqa: PLC0415

    return NotebookNode(
        output_type="error", ename=ename, evalue=evalue, traceback=[f"{ename}: {evalue}"]
    )


def _clip(text: Any, limit: int = _ERROR_TEXT_LIMIT) -> str:
    text = str(text)
    return text if len(text) <= limit else text[:limit] + " ... (truncated)"


def _served(reply: dict, limit: int) -> tuple[str | None, list | None]:
    """The text the kernel's :func:`wire.serve` returned, or ``[error name, message]``.

    The reply is the student's, so it is only checked here (size, characters) and decoded as
    untrusted data by the trusted process.
    """
    content = reply.get("content", {})
    value = content.get("user_expressions", {}).get("r", {})
    if content.get("status") != "ok" or value.get("status") != "ok":
        failed = value if value.get("status") == "error" else content
        return None, ["KernelError", f"the notebook's kernel could not run the call: "
                                     f"{_clip(failed.get('ename'), 100)}: "
                                     f"{_clip(failed.get('evalue'), 300)}"]
    text = value.get("data", {}).get("text/plain", "")
    if not isinstance(text, str) or len(text) > limit:
        return None, ["KernelError", f"the notebook's answer is larger than {format_size(limit)}"]
    if not _REPLY.match(text):
        return None, ["KernelError", "the notebook's kernel sent a malformed answer"]
    return text[1:-1], None


_REPLY = re.compile(r"\A'[A-Za-z0-9+/=]*'\Z")


class SandboxExecuteMixin:
    """Mix into nbgrader's ``Execute`` to run notebooks safely (see the module docstring)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        config = kwargs.get("config")
        parent = kwargs.get("parent")
        if config is None and parent is not None:
            config = parent.config
        self.sandbox_settings = Sandbox(config=config) if config is not None else Sandbox()
        self.sandboxed = require_sandbox(self.sandbox_settings)
        if self.sandboxed:
            kwargs["kernel_manager_class"] = SandboxKernelManager
        kwargs.setdefault("shutdown_kernel", "immediate")
        super().__init__(*args, **kwargs)
        self._report: NotebookReport | None = None
        self._managers: list[Any] = []

    # -- notebook level ---------------------------------------------------------------------

    def preprocess(self, nb: Any, resources: Any = None, km: Any = None) -> Any:
        meta = (resources or {}).get("nbgrader", {})
        key = (
            str(meta.get("student", "")),
            str(meta.get("assignment", "")),
            str(meta.get("notebook", (resources or {}).get("unique_key", ""))),
        )
        self._report = NotebookReport(*key, sandboxed=self.sandboxed)
        INCIDENTS[key] = self._report
        self._dead: Incident | None = None
        self._output_total = 0
        self._output_truncated = False
        self._started = time.monotonic()
        self._last_settings = self.sandbox_settings
        self._tests = trusted_plan(nb, meta)
        if self._tests is not None:
            self._tests.start()  # given code runs there while the kernel runs the notebook
        try:
            return super().preprocess(nb, resources, km)  # type: ignore[misc]
        finally:
            if self._tests is not None:
                self._tests.stop()
            for manager in self._managers:
                # normally removed at kernel shutdown; also when the kernel never started
                if getattr(manager, "_sandbox_dir", None):
                    shutil.rmtree(manager._sandbox_dir, ignore_errors=True)
            self._managers = []
            self._report.seconds = time.monotonic() - self._started
            if self.km is not None and getattr(self.km, "sandbox_skipped", None):
                self._report.incidents.append(
                    Incident(
                        "file",
                        "files not copied into the sandbox: "
                        + ", ".join(self.km.sandbox_skipped[:5]),
                    )
                )

    def create_kernel_manager(self) -> Any:
        manager = super().create_kernel_manager()  # type: ignore[misc]
        self._managers.append(manager)
        return manager

    def _incident(self, incident: Incident) -> None:
        if self._report is not None:
            self._report.incidents.append(incident)
        self.log.warning("sandbox: %s", incident)

    # -- cell level -------------------------------------------------------------------------

    def preprocess_cell(self, cell: Any, resources: Any, index: int) -> Any:
        self._check_assign_resources(resources)  # type: ignore[attr-defined]
        tests = self._tests
        if tests is not None and index in tests.test_cells:
            cell.outputs = []  # graded below, in the trusted process, never in the kernel
        elif cell.cell_type == "code" and cell.source.strip():
            self._run_in_kernel(cell, index)
        if tests is not None and index == len(self.nb.cells) - 1:  # type: ignore[attr-defined]
            self._grade_tests(tests)
        return cell, self.resources  # type: ignore[attr-defined]

    def _run_in_kernel(self, cell: Any, index: int) -> None:
        from nbclient.exceptions import CellTimeoutError, DeadKernelError  # noqa: PLC0415

        name = _cell_name(cell, index)
        if self._dead is None:
            budget = self.sandbox_settings.notebook_timeout
            if budget and time.monotonic() - self._started > budget:
                self._kill_kernel()
                self._stop(Incident(
                    "timeout", f"timeout: the notebook ran longer than {budget} s in total", name
                ))
        if self._dead is not None:
            cell.outputs = [_error_output("KernelStopped", f"not run: {self._dead.message}")]
            return
        self._timed_out = False
        try:
            self.execute_cell(cell, index)  # type: ignore[attr-defined]
            # whatever the cell started and left running is stopped (before the probe of a
            # timed-out kernel: leftovers must not starve it)
            reaped = self.km.reap() if hasattr(self.km, "reap") else 0  # type: ignore[attr-defined]
            if self._timed_out and self._silent("", self.probe_timeout) is None:
                self._unresponsive(cell, name)
                return
            if reaped:
                self._incident(Incident(
                    "processes", f"{reaped} leftover process(es) of the cell were stopped", name
                ))
        except DeadKernelError:
            self._on_dead(cell, name)
        except CellTimeoutError:
            self._unresponsive(cell, name)

    # -- tests, in the trusted process ------------------------------------------------------

    def _grade_tests(self, tests: TrustedTests) -> None:
        """Run every test cell in the trusted process; write each outcome as the cell's output."""
        from jupyter_core.utils import run_sync  # noqa: PLC0415
        from nbformat import from_dict  # noqa: PLC0415

        budget = self.sandbox_settings.notebook_timeout
        deadline = self._started + budget if budget else None

        def kernel(text: str, until: float, callback: Any) -> tuple[str | None, list | None]:
            if self._dead is not None:
                return None, ["KernelStopped", f"the notebook's kernel had stopped: "
                                               f"{self._dead.message}"]
            return run_sync(self._async_kernel_request)(text, until, callback)

        results = tests.run(kernel, float(self.timeout or 60), deadline)  # type: ignore[attr-defined]
        by_id = {_cell_name(self.nb.cells[i], i): r for i, r in results.items()}  # type: ignore[attr-defined]
        for index in tests.test_cells:
            cell = self.nb.cells[index]  # type: ignore[attr-defined]
            result = results.get(index) or by_id.get(_cell_name(cell, index))
            if result is None:
                result = {"outputs": [_error_output("TestNotRun", "the test could not run")]}
            cell.outputs = [from_dict(out) for out in result["outputs"]]
            cell.execution_count = None

    async def _async_kernel_request(
        self, text: str, deadline: float, callback: Any
    ) -> tuple[str | None, list | None]:
        """Ask the kernel to serve one request of the trusted process (see :mod:`wire`).

        Runs :func:`mml.grading.wire.serve` as a user expression of a silent request; questions
        the kernel asks on its stdin channel (callbacks) are answered with ``callback``; what
        the kernel prints meanwhile is dropped. After ``deadline`` the kernel is interrupted,
        and stopped if it does not answer then.
        """
        import zmq  # noqa: PLC0415
        import zmq.asyncio  # noqa: PLC0415

        kc = self.kc  # type: ignore[attr-defined]
        expression = f"__import__('mml.grading.wire', fromlist=['_']).serve({text!r}, globals())"
        msg_id = kc.execute("", silent=True, store_history=False, stop_on_error=False,
                            user_expressions={"r": expression}, allow_stdin=True)
        poller = zmq.asyncio.Poller()
        channels = {kc.shell_channel.socket: "shell", kc.stdin_channel.socket: "stdin",
                    kc.iopub_channel.socket: "iopub"}
        for socket in channels:
            poller.register(socket, zmq.POLLIN)
        interrupted = False
        timeout = f"did not finish within {self.timeout} s"  # type: ignore[attr-defined]
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                if not interrupted:
                    interrupted = True
                    deadline = time.monotonic() + self.probe_timeout
                    await self.km.interrupt_kernel()  # type: ignore[attr-defined]
                    continue
                self._kill_kernel()
                self._stop(Incident("timeout", f"timeout: a test's call {timeout} and did not "
                                    "stop when interrupted"))
                return None, ["Timeout", timeout]
            events = dict(await poller.poll(min(remaining, 1.0) * 1000))
            if not events:
                if not await kc.is_alive():
                    self._on_dead(None, "tests")
                    return None, ["KernelStopped", f"the notebook's kernel stopped: "
                                                   f"{self._dead.message}"]
                continue
            for socket in events:
                channel = getattr(kc, f"{channels[socket]}_channel")
                msg = await channel.get_msg(timeout=0)
                if channels[socket] == "stdin" and msg.get("msg_type") == "input_request":
                    prompt = str(msg.get("content", {}).get("prompt", ""))
                    answer = ""
                    if prompt.startswith(wire.CALLBACK_PROMPT):
                        answer = callback(prompt[len(wire.CALLBACK_PROMPT):])
                    kc.input(answer)
                elif channels[socket] == "shell" and msg.get(
                    "parent_header", {}).get("msg_id") == msg_id:
                    if interrupted:
                        return None, ["Timeout", timeout]
                    return _served(msg, parse_size(self.sandbox_settings.message_limit))

    #: seconds to wait for the probe's reply, and for the kernel after an interrupt
    probe_timeout = 5.0

    async def _async_silent(self, code: str, timeout: float) -> dict | None:
        """Run ``code`` silently in the kernel; its execute_reply, or None after ``timeout``."""
        from queue import Empty  # noqa: PLC0415

        from jupyter_core.utils import ensure_async  # noqa: PLC0415

        kc = self.kc  # type: ignore[attr-defined]
        msg_id = kc.execute(code, silent=True, store_history=False, stop_on_error=False)
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            try:
                msg = await ensure_async(kc.shell_channel.get_msg(timeout=min(remaining, 1.0)))
            except Empty:
                if not await ensure_async(kc.is_alive()):
                    return None
                continue
            if msg.get("parent_header", {}).get("msg_id") == msg_id:
                return msg

    def _silent(self, code: str, timeout: float) -> dict | None:
        from jupyter_core.utils import run_sync  # noqa: PLC0415

        return run_sync(self._async_silent)(code, timeout)

    def _stop(self, incident: Incident) -> None:
        self._dead = incident
        self._incident(incident)

    def _unresponsive(self, cell: Any, name: str) -> None:
        self._kill_kernel()
        timeout = self.timeout  # type: ignore[attr-defined]
        self._stop(Incident(
            "timeout",
            f"timeout: a cell ran longer than {timeout} s and did not stop when interrupted",
            name,
        ))
        cell.outputs.append(_error_output("CellTimeoutError", self._dead.message))

    def _kill_kernel(self) -> None:
        """Kill the sandbox (bwrap and, with it, every process of the kernel) at once."""
        km = getattr(self, "km", None)
        process = getattr(getattr(km, "provisioner", None), "process", None)
        if process is None or process.poll() is not None:
            return
        try:
            process.kill()
            process.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):  # pragma: no cover - already gone
            pass

    def _on_dead(self, cell: Any, name: str) -> None:
        status = None
        km = getattr(self, "km", None)
        if km is not None and hasattr(km, "exit_status"):
            for _ in range(20):
                status = km.exit_status()
                if status is not None:
                    break
                time.sleep(0.05)
        elif km is not None:
            process = getattr(getattr(km, "provisioner", None), "process", None)
            status = process.poll() if process is not None else None
        incident = _exit_status_incident(status, self.sandbox_settings)
        incident.cell = name
        self._stop(incident)
        if cell is not None:
            cell.outputs.append(_error_output("DeadKernelError", incident.message))

    # -- outputs ----------------------------------------------------------------------------

    def output(self, outs: list, msg: dict, display_id: str | None, cell_index: int) -> Any:
        out = super().output(outs, msg, display_id, cell_index)  # type: ignore[misc]
        if out is None:
            return None
        if out.get("output_type") == "error":
            out["evalue"] = _clip(out.get("evalue", ""))
            out["ename"] = _clip(out.get("ename", ""), 200)
            out["traceback"] = [_clip(line) for line in out.get("traceback", [])[:200]]
            return out
        limit = parse_size(self.sandbox_settings.output_limit)
        size = _output_size(out)
        if self._output_total + size <= limit:
            self._output_total += size
            return out
        # over the limit: drop this output (keep what fits of a stream) and say so, once
        if out in outs:
            outs.remove(out)
        room = max(0, limit - self._output_total)
        if out.get("output_type") == "stream" and room:
            out["text"] = out["text"][:room]
            outs.append(out)
            self._output_total = limit
        if not self._output_truncated:
            self._output_truncated = True
            from nbformat.notebooknode import NotebookNode  # noqa: PLC0415

            outs.append(
                NotebookNode(
                    output_type="stream",
                    name="stdout",
                    text=f"\n... output truncated: more than {self.sandbox_settings.output_limit}"
                    " of output ...\n",
                )
            )
            self._incident(
                Incident(
                    "output",
                    f"printed more than {self.sandbox_settings.output_limit} of output "
                    "(truncated)",
                    _cell_name(self.nb.cells[cell_index], cell_index),  # type: ignore[attr-defined]
                )
            )
        return None

    def on_cell_executed(self, **kwargs: Any) -> None:
        super().on_cell_executed(**kwargs)  # type: ignore[misc]
        cell = kwargs["cell"]
        reply = kwargs.get("execute_reply") or {}
        for out in cell.outputs:
            if out.get("output_type") == "error":
                out["evalue"] = _clip(out.get("evalue", ""))
                out["traceback"] = [_clip(line) for line in out.get("traceback", [])[:200]]
        if reply.get("content", {}).get("ename") == "CellTimeoutError":
            self._timed_out = True
            self._incident(
                Incident(
                    "timeout",
                    f"timeout: a cell ran longer than {self.timeout} s and was "  # type: ignore[attr-defined]
                    "interrupted",
                    _cell_name(cell, kwargs.get("cell_index", 0)),
                )
            )


def _execute_base() -> type:
    from nbgrader.preprocessors import Execute  # noqa: PLC0415

    return Execute


class SandboxedExecute(SandboxExecuteMixin, _execute_base()):  # type: ignore[misc]
    """nbgrader's ``Execute`` preprocessor, running each notebook in the sandbox."""


def sandboxed_preprocessors(preprocessors: Iterable[Any]) -> list[Any]:
    """Replace every ``Execute`` preprocessor class in ``preprocessors`` by a sandboxed one.

    Subclasses of ``Execute`` (for example a course's own) get the sandbox mixed in, so their
    behaviour is kept.  Strings (dotted class names) are imported first.

    Parameters
    ----------
    preprocessors : iterable
        Classes (or dotted names) as in ``Autograde.autograde_preprocessors``.

    Returns
    -------
    list
        The same list with the execute step sandboxed.
    """
    from nbgrader.preprocessors import Execute  # noqa: PLC0415
    from traitlets.utils.importstring import import_item  # noqa: PLC0415

    result = []
    for pp in preprocessors:
        cls = import_item(pp) if isinstance(pp, str) else pp
        if isinstance(cls, type) and issubclass(cls, Execute) and not issubclass(
            cls, SandboxExecuteMixin
        ):
            if cls is Execute:
                cls = SandboxedExecute
            else:
                cls = type(f"Sandboxed{cls.__name__}", (SandboxExecuteMixin, cls), {})
        result.append(cls)
    return result


def configure_nbgrader(c: Any) -> None:
    """Make plain ``nbgrader autograde`` with config ``c`` grade in the sandbox.

    Replaces the ``Execute`` step of ``Autograde.autograde_preprocessors`` (the configured list,
    or nbgrader's default) by its sandboxed version and repairs edited cells and deleted tests
    (:class:`mml.grading.repair.RepairCells`, before nbgrader's ``OverwriteCells``, whose own
    ``add_missing_cells`` is then never needed). ``mml grade`` does the same by itself.

    Parameters
    ----------
    c : traitlets.config.Config
        The configuration being built in ``nbgrader_config.py``.
    """
    from nbgrader.converters import Autograde  # noqa: PLC0415
    from nbgrader.preprocessors import OverwriteCells  # noqa: PLC0415

    from mml.grading.repair import RepairCells  # noqa: PLC0415

    section = c.Autograde
    current = (
        section.autograde_preprocessors
        if "autograde_preprocessors" in section
        else Autograde.class_traits()["autograde_preprocessors"].default()
    )
    section.autograde_preprocessors = sandboxed_preprocessors(current)
    sanitize = list(
        section.sanitize_preprocessors
        if "sanitize_preprocessors" in section
        else Autograde.class_traits()["sanitize_preprocessors"].default()
    )
    if RepairCells not in sanitize:
        sanitize.insert(sanitize.index(OverwriteCells) if OverwriteCells in sanitize else 0,
                        RepairCells)
    section.sanitize_preprocessors = sanitize
