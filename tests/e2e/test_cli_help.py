"""Every command and every option explains itself."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from graphx.cli import main

COMMANDS = sorted(main.commands)


def test_the_analyst_commands_exist():
    assert set(COMMANDS) >= {
        "extract",
        "build",
        "load",
        "query",
        "queries",
        "reset",
        "view",
        "actor",
        "between",
        "path",
        "timeline",
        "stats",
        "export",
    }


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help_text(name):
    command = main.commands[name]
    assert command.help and len(command.help.split()) >= 5, f"{name} needs help text"
    assert command.get_short_help_str(), name
    for parameter in command.params:
        if isinstance(parameter, click.Option):
            assert parameter.help, f"{name} {parameter.opts[0]} needs help text"
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0
    assert (
        result.output.startswith(f"Usage: main {name}") or f"Usage: graphx {name}" in result.output
    )
    first_line = command.help.strip().splitlines()[0]
    assert first_line.split()[0] in result.output


def test_main_help_lists_every_command():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    for name in COMMANDS:
        assert f"  {name} " in result.output
