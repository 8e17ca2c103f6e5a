"""The pip pins, the conda pins and the installed environment agree."""

from __future__ import annotations

import re
import sys
from importlib.metadata import version

import yaml

from mml.grading.course import REPO_ROOT

PIN = re.compile(r"^(?P<name>[A-Za-z0-9_.\-]+)==(?P<version>[^\s;#]+)$")


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pip_pins() -> dict[str, str]:
    pins = {}
    for line in (REPO_ROOT / "requirements.txt").read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        match = PIN.match(line)
        assert match, f"requirements.txt: {line!r} is not pinned with =="
        pins[_normal(match["name"])] = match["version"]
    return pins


def conda_pins() -> dict[str, str]:
    env = yaml.safe_load((REPO_ROOT / "environment.yml").read_text())
    pins = {}
    for dep in env["dependencies"]:
        if isinstance(dep, dict):  # the `pip:` section: packages conda-forge does not have
            pins.update(
                (_normal(name), pinned)
                for name, _, pinned in (d.partition("==") for d in dep.get("pip", []))
            )
            continue
        if dep in ("pip",):
            continue
        name, _, pinned = dep.partition("=")
        assert pinned and not pinned.startswith("="), f"environment.yml: {dep!r} is not pinned"
        pins[_normal(name)] = pinned
    return pins


def test_pip_and_conda_pin_the_same_versions() -> None:
    conda = conda_pins()
    python = conda.pop("python")
    assert conda == pip_pins()
    assert tuple(int(x) for x in python.split(".")) >= (3, 11)


def test_constraints_agree_with_requirements() -> None:
    locked = {}
    for line in (REPO_ROOT / "constraints.txt").read_text().splitlines():
        match = PIN.match(line.strip())
        if match:
            locked[_normal(match["name"])] = match["version"]
    for name, pinned in pip_pins().items():
        assert locked.get(name) == pinned, f"constraints.txt has {name}=={locked.get(name)}"


def test_installed_versions_match_the_pins() -> None:
    for name, pinned in pip_pins().items():
        assert version(name) == pinned, f"{name} {version(name)} installed, {pinned} pinned"
    assert sys.version_info >= (3, 11)
    assert int(version("numpy").split(".")[0]) >= 2
