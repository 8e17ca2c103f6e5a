"""The learner's workspace: created from release/, never overwritten, told about new releases."""

from __future__ import annotations

from pathlib import Path

from mml.authoring import workspace


def _course(tmp_path: Path) -> Path:
    (tmp_path / "release" / "la-w3-x").mkdir(parents=True)
    (tmp_path / "release" / "la-w3-x" / "nb.ipynb").write_text("release 1")
    return tmp_path


def test_first_use_copies_the_release_and_writes_the_exchange_settings(tmp_path: Path) -> None:
    root = _course(tmp_path)
    changes = workspace.sync(root)
    assert [c.action for c in changes] == ["created"]
    assert (root / "work" / "la-w3-x" / "nb.ipynb").read_text() == "release 1"
    config = (root / "work" / "nbgrader_config.py").read_text()
    assert str(root / "exchange") in config and (root / "exchange").is_dir()
    assert workspace.sync(root) == []  # nothing new: nothing said, nothing written


def test_an_untouched_copy_follows_the_release(tmp_path: Path) -> None:
    root = _course(tmp_path)
    workspace.sync(root)
    (root / "release" / "la-w3-x" / "nb.ipynb").write_text("release 2")
    changes = workspace.sync(root)
    assert [c.action for c in changes] == ["updated"]
    assert "had not changed" in changes[0].message()
    assert (root / "work" / "la-w3-x" / "nb.ipynb").read_text() == "release 2"


def test_the_learners_work_is_never_overwritten(tmp_path: Path) -> None:
    root = _course(tmp_path)
    workspace.sync(root)
    mine = root / "work" / "la-w3-x" / "nb.ipynb"
    mine.write_text("my answers")
    (root / "release" / "la-w3-x" / "nb.ipynb").write_text("release 2")
    changes = workspace.sync(root)
    assert [c.action for c in changes] == ["new-release"]
    assert "nb.new-release.ipynb" in changes[0].message()
    assert mine.read_text() == "my answers"
    assert (mine.parent / "nb.new-release.ipynb").read_text() == "release 2"
    assert workspace.sync(root) == []  # told once per release
    (root / "release" / "la-w3-x" / "nb.ipynb").write_text("release 3")
    workspace.sync(root)
    assert mine.read_text() == "my answers"
    assert (mine.parent / "nb.new-release.ipynb").read_text() == "release 3"


def test_a_deleted_copy_is_not_brought_back(tmp_path: Path) -> None:
    root = _course(tmp_path)
    workspace.sync(root)
    (root / "work" / "la-w3-x" / "nb.ipynb").unlink()
    assert workspace.sync(root) == []
    assert not (root / "work" / "la-w3-x" / "nb.ipynb").exists()


def test_lab_command_allows_root_only_for_root_and_opens_no_browser_without_display(
    monkeypatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr(workspace.os, "geteuid", lambda: 1000)
    command = workspace.lab_command(tmp_path)
    assert "--allow-root" not in command and "--no-browser" in command
    assert f"--notebook-dir={tmp_path}" in command
    monkeypatch.setattr(workspace.os, "geteuid", lambda: 0)
    monkeypatch.setenv("DISPLAY", ":0")
    command = workspace.lab_command(tmp_path)
    assert "--allow-root" in command and "--no-browser" not in command
