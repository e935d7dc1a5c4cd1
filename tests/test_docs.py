"""The README documents every command and option of the CLI (sqlite-utils' test_docs)."""

from __future__ import annotations

import re

import click
import pytest

from conflictdb.cli import main
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text()


def _commands() -> list[tuple[str, click.Command]]:
    out = []
    for name, command in main.commands.items():
        if isinstance(command, click.Group):
            out += [(f"{name} {sub}", c) for sub, c in command.commands.items()]
        else:
            out.append((name, command))
    return sorted(out)


@pytest.mark.parametrize(("name", "command"), _commands())
def test_docs_command_in_readme(name: str, command: click.Command) -> None:
    assert f"conflictdb {name}" in README, f"README lacks `conflictdb {name}`"
    for param in command.params:
        for opt in getattr(param, "opts", []):
            if opt.startswith("--") and opt not in ("--help",):
                assert re.search(re.escape(opt) + r"\b", README), f"README lacks {opt} of `conflictdb {name}`"
