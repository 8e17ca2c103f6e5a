"""JupyterLab servers and a headless Debian chromium for the real-browser suite.

A server listens on 127.0.0.1 only, with a random token, in its own Jupyter config and runtime
folders, and exposes ``window.jupyterapp`` so a test can run JupyterLab's own commands. The
browser is Debian's ``/usr/bin/chromium`` driven by Playwright (no browser is ever downloaded);
every request that does not go to 127.0.0.1 is blocked.
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
# every cell rendered (no windowing: a test reads outputs above the fold), no news pop-up
SETTINGS = {
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false", "checkForUpdates": False},
}
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


@dataclass
class Lab:
    """A running JupyterLab: its base URL, token, notebook folder and process."""

    url: str
    token: str
    root: Path
    process: subprocess.Popen
    log: Path

    def page_url(self, path: str) -> str:
        sep = "&" if "?" in path else "?"
        return f"{self.url}{path}{sep}token={self.token}"

    def log_in(self, page) -> None:
        """Log ``page``'s browser context in with the token, as opening JupyterLab's URL does.

        Formgrader's pages set the login cookie for their own folder only, so a page opened
        with ``?token=`` straight at ``/formgrader/manage_submissions/...`` cannot call
        ``/formgrader/api/...``; a server page sets it for the whole server."""
        page.goto(self.page_url("/api/status"))

    def shutdown_kernels(self) -> None:
        """Shut down every kernel of this server (what a test opened)."""
        for kernel in json.loads(urllib.request.urlopen(self.page_url("/api/kernels")).read()):
            request = urllib.request.Request(self.page_url(f"/api/kernels/{kernel['id']}"),
                                             method="DELETE")
            urllib.request.urlopen(request).read()

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_lab(root: Path, home: Path, env: dict[str, str] | None = None,
              timeout: float = 120) -> Lab:
    """Start JupyterLab on ``root`` (config and runtime files under ``home``)."""
    port, token = _free_port(), secrets.token_hex(16)
    env = dict(env or os.environ)
    env.pop("MPLBACKEND", None)
    for name in ("MML_UNATTENDED", "NBGRADER_EXECUTION"):
        env.pop(name, None)
    env["JUPYTER_CONFIG_DIR"] = str(home / "config")
    env["JUPYTER_RUNTIME_DIR"] = str(home / "runtime")
    env["IPYTHONDIR"] = str(home / "ipython")
    log = home / "lab.log"
    for name, values in SETTINGS.items():
        path = home / "settings" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))
    command = [
        sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
        f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
        "--LabApp.expose_app_in_browser=True", f"--LabApp.workspaces_dir={home / 'workspaces'}",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.news_url=None", f"--LabApp.user_settings_dir={home / 'settings'}",
    ]
    if os.geteuid() == 0:
        command.append("--allow-root")
    process = subprocess.Popen(command, cwd=root, env=env, stdout=log.open("w"),
                               stderr=subprocess.STDOUT)
    lab = Lab(f"http://127.0.0.1:{port}", token, root, process, log)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"JupyterLab exited:\n{log.read_text()[-3000:]}")
        try:
            urllib.request.urlopen(lab.page_url("/api/status"), timeout=5).read()
            return lab
        except OSError:
            time.sleep(0.5)
    lab.stop()
    raise RuntimeError(f"JupyterLab did not start in {timeout} s:\n{log.read_text()[-3000:]}")


def only_loopback(route) -> None:
    """Playwright route handler: let requests to 127.0.0.1 (and file://) through, block others."""
    url = route.request.url
    if url.startswith(("http://127.0.0.1", "file://", "data:", "blob:")):
        route.continue_()
    else:
        route.abort()
