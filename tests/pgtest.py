"""A throw-away PostgreSQL server, for the gradebook tests and the grading benchmark.

Starts Debian's (or any local) PostgreSQL on a temporary data directory, listening on a free
loopback port with its socket in the same temporary directory, with trust authentication, and
removes everything when stopped. When run as root, the server runs as the ``postgres`` user
(``initdb`` and ``postgres`` refuse root), or ``nobody`` if there is no such user.

Example
-------
::

    with TemporaryPostgres() as pg:
        os.environ["MML_DB_URL"] = pg.url  # postgresql+psycopg2://mml@127.0.0.1:PORT/gradebook
        ...
"""

from __future__ import annotations

import atexit
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from typing import Any

#: where Debian, RPM-based and source installs put the server programs
_BIN_PATTERNS = (
    "/usr/lib/postgresql/*/bin",
    "/usr/pgsql-*/bin",
    "/usr/local/pgsql/bin",
    "/opt/homebrew/opt/postgresql*/bin",
)


def find_postgres_bin() -> str | None:
    """The directory holding ``initdb``, ``pg_ctl`` and ``postgres``, or None if not installed.

    ``PATH`` first (Debian's ``pg_ctl`` on PATH is a wrapper, so the directory must also hold
    ``initdb`` and ``postgres``), then the usual install places, newest version first.

    Returns
    -------
    str or None
        The directory, or None.
    """

    def complete(folder: str) -> bool:
        return all(os.access(os.path.join(folder, p), os.X_OK)
                   for p in ("initdb", "pg_ctl", "postgres"))

    found = shutil.which("pg_ctl")
    if found:
        folder = os.path.dirname(os.path.realpath(found))
        if complete(folder):
            return folder

    def version(path: str) -> tuple[int, ...]:
        digits = "".join(c if c.isdigit() else " " for c in path).split()
        return tuple(int(d) for d in digits)

    candidates = [p for pattern in _BIN_PATTERNS for p in glob.glob(pattern)]
    for folder in sorted(candidates, key=version, reverse=True):
        if complete(folder):
            return folder
    return None


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PostgresUnavailable(RuntimeError):
    """PostgreSQL is not installed, or the server could not be started."""


class TemporaryPostgres:
    """A PostgreSQL server on a temporary directory and a loopback port.

    Parameters
    ----------
    database : str
        Name of the (empty) database created for the caller.
    user : str
        Name of the database superuser (no password: trust authentication on loopback only).
    bin_dir : str, optional
        Directory of the server programs (default: :func:`find_postgres_bin`).

    Attributes
    ----------
    url : str
        SQLAlchemy URL of the database, ``postgresql+psycopg2://USER@127.0.0.1:PORT/DATABASE``.
    port : int
        The TCP port.
    """

    def __init__(
        self, database: str = "gradebook", user: str = "mml", bin_dir: str | None = None
    ) -> None:
        self.database = database
        self.user = user
        self.bin_dir = bin_dir or find_postgres_bin()
        self.root: str | None = None
        self.port = 0
        self.url = ""
        self._run_as: tuple[int, int] | None = None

    # -- running programs as the server's user ---------------------------------------------

    def _owner(self) -> tuple[int, int] | None:
        """(uid, gid) to run the server as when we are root, else None (ourselves)."""
        if os.geteuid() != 0:
            return None
        for name in ("postgres", "nobody"):
            try:
                entry = pwd.getpwnam(name)
            except KeyError:
                continue
            return entry.pw_uid, entry.pw_gid
        raise PostgresUnavailable("running as root and there is no 'postgres' or 'nobody' user")

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        assert self.bin_dir is not None and self.root is not None
        kwargs: dict[str, Any] = {}
        if self._run_as is not None:
            kwargs.update(user=self._run_as[0], group=self._run_as[1], extra_groups=[])
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": self.root,
               "LC_ALL": "C", "LANG": "C", "TZ": "UTC"}
        done = subprocess.run(
            [os.path.join(self.bin_dir, args[0]), *args[1:]], cwd=self.root, env=env,
            capture_output=True, text=True, timeout=120, check=False, **kwargs,
        )
        if check and done.returncode != 0:
            log = ""
            logfile = os.path.join(self.root, "server.log")
            if os.path.exists(logfile):
                with open(logfile, encoding="utf-8", errors="replace") as handle:
                    log = handle.read()[-2000:]
            raise PostgresUnavailable(
                f"{args[0]} failed ({done.returncode}): {done.stderr.strip()[-2000:]}\n{log}"
            )
        return done

    # -- life cycle ---------------------------------------------------------------------------

    def start(self) -> TemporaryPostgres:
        """Create the cluster, start the server and create the database.

        Returns
        -------
        TemporaryPostgres
            ``self``, with :attr:`url` set.

        Raises
        ------
        PostgresUnavailable
            If the programs are missing or the server does not start.
        """
        if self.bin_dir is None:
            raise PostgresUnavailable(
                "PostgreSQL server programs (initdb, pg_ctl) not found; on Debian: "
                "apt-get install postgresql"
            )
        self._run_as = self._owner()
        # as root, the server's user must reach the folder: /tmp, not a private TMPDIR
        shared = "/tmp" if self._run_as is not None and os.path.isdir("/tmp") else None
        self.root = tempfile.mkdtemp(prefix="mml-pg-", dir=shared)
        os.chmod(self.root, 0o700)
        if self._run_as is not None:
            os.chown(self.root, *self._run_as)
        data = os.path.join(self.root, "data")
        self._run("initdb", "-D", data, "-U", self.user, "--auth=trust", "-E", "UTF8",
                  "--no-locale", "--no-sync")
        atexit.register(self.stop)
        last: Exception | None = None
        for _ in range(3):  # the free port may be taken between the check and the start
            self.port = free_port()
            options = (
                f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.root} "
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                "-c max_connections=100"
            )
            try:
                self._run("pg_ctl", "-D", data, "-l", os.path.join(self.root, "server.log"),
                          "-w", "-t", "60", "-o", options, "start")
            except PostgresUnavailable as exc:
                last = exc
                continue
            break
        else:
            raise PostgresUnavailable(f"the server did not start: {last}")
        self.url = self.create_database(self.database)
        return self

    def create_database(self, name: str, template: str | None = None) -> str:
        """Create database ``name`` (a copy of database ``template`` if given); its URL.

        A copy of a database in which the assignments were generated gives each run of a test
        a fresh gradebook without generating again. ``template`` must have no open connection.
        """
        self._execute(f'CREATE DATABASE "{name}"'
                      + (f' TEMPLATE "{template}"' if template else ""))
        return f"postgresql+psycopg2://{self.user}@127.0.0.1:{self.port}/{name}"

    def _execute(self, statement: str) -> None:
        import psycopg2  # noqa: PLC0415

        deadline = time.monotonic() + 30
        while True:
            try:
                conn = psycopg2.connect(
                    host="127.0.0.1", port=self.port, user=self.user, dbname="postgres"
                )
                break
            except psycopg2.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        try:
            conn.autocommit = True
            with conn.cursor() as cursor:
                cursor.execute(statement)
        finally:
            conn.close()

    def stop(self) -> None:
        """Stop the server at once and remove its directory (safe to call twice)."""
        if self.root is None:
            return
        data = os.path.join(self.root, "data")
        if os.path.exists(os.path.join(data, "postmaster.pid")):
            self._run("pg_ctl", "-D", data, "-m", "immediate", "-w", "stop", check=False)
        shutil.rmtree(self.root, ignore_errors=True)
        self.root = None
        atexit.unregister(self.stop)

    def __enter__(self) -> TemporaryPostgres:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
