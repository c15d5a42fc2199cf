"""Every command and every option explains itself, and every help ends with examples that run."""

from __future__ import annotations

import shlex

import click
import pytest
from click.testing import CliRunner

from graphx.cli import main

from ..conftest import ROOT, run_graphx

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


def _help(name: str | None) -> str:
    args = [name, "--help"] if name else ["--help"]
    result = CliRunner().invoke(main, args, prog_name="graphx", terminal_width=100)
    assert result.exit_code == 0, result.output
    return result.output


def _examples(name: str | None) -> list[list[str]]:
    """The commands of the help's `Example:` block, split as a shell would."""
    text = _help(name)
    _, found, block = text.partition("\n  Example:\n")
    assert found, f"graphx {name or ''} --help has no Example: block"
    lines = block.splitlines()
    examples = []
    while lines and lines[0].startswith("    graphx "):
        command = lines.pop(0).strip()
        while command.endswith("\\") and lines:  # a shell continuation line
            command = command[:-1] + " " + lines.pop(0).strip()
        examples.append(shlex.split(command)[1:])
    # the last paragraph of the help text: the options (or commands) come next
    assert lines[:1] == [""] and lines[1] in ("Options:", "Commands:"), lines[:2]
    return examples


@pytest.mark.parametrize("name", [None, *COMMANDS])
def test_every_help_ends_with_examples_of_itself(name):
    examples = _examples(name)
    assert examples, f"graphx {name} shows no example"
    if name is not None:
        # load's example first makes the file it loads: another command may lead the way
        assert examples[-1][0] == name, examples
    text = _help(name)
    # \b kept each example on a line of its own: none was run into the next one
    assert text.count("\n    graphx ") == len(examples)
    assert "\b" not in text


# build and extract first (the others need their store and file), reset last (it empties it)
_ORDER = {"extract": 0, "build": 1, "load": 2, "reset": 9}


def test_the_examples_run_on_the_sample_corpus(tmp_path, monkeypatch):
    (tmp_path / "data").symlink_to(ROOT / "data")
    monkeypatch.chdir(tmp_path)
    unset = {"GRAPHX_DB": None, "NEO4J_URI": None, "NEO4J_DATABASE": None}
    runs = [example for name in [None, *COMMANDS] for example in _examples(name)]
    runs = [list(example) for example in dict.fromkeys(map(tuple, runs))]  # each one once
    runs.sort(key=lambda example: _ORDER.get(example[0], 5))
    for example in runs:
        result = run_graphx(*example, env=unset)
        assert result.returncode == 0, f"graphx {shlex.join(example)}: {result.stderr}"
        assert "Error" not in result.stderr and "Warning" not in result.stderr, example
    written = {path.name for path in tmp_path.iterdir()}
    assert written >= {"graphx.lbdb", "mentions.jsonl", "iraq.html", "iraq.gexf", "strikes.csv"}
    assert not (tmp_path / "data" / "graphx.lbdb").exists()  # nothing written into the corpus
