"""Docs that cannot drift: every command has help text, and docs/cli.md is what --help prints."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import typer.main

from eventscope.cli import app

ROOT = Path(__file__).resolve().parents[1]


def _gen():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("gen_cli_docs", ROOT / "scripts" / "gen_cli_docs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_command_has_help_text() -> None:
    root = typer.main.get_command(app)
    for path in _gen().command_paths():
        cmd: Any = root
        for name in path:
            cmd = cmd.commands[name]
        assert cmd.help and cmd.help.strip(), f"`eventscope {' '.join(path)}` has no help text"


def test_cli_reference_is_generated_from_help() -> None:
    expected = _gen().render()
    actual = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert actual == expected, "docs/cli.md is stale: run `python scripts/gen_cli_docs.py`"


def test_readme_names_every_top_level_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for path in _gen().command_paths():
        assert f"eventscope {path[0]}" in readme or f"`{path[0]}`" in readme, path
