"""The command line: the output contract, help texts, errors, jobs, and start-up cost."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import click
from click.testing import CliRunner

from graphx.cli import main
from graphx.models import RELATION_TYPES

from ..conftest import CORPUS, run_graphx

CONTRACT = {
    "doc",
    "relation",
    "source",
    "target",
    "sentence",
    "sentence_span",
    "date",
    "claimed_by",
    "confidence",
}
ACTOR_KEYS = {"id", "name", "type", "aliases", "parents", "provisional", "span", "text"}


def _commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    out = []
    for name, command in group.commands.items():
        out.append((f"{prefix}{name}", command))
        if isinstance(command, click.Group):
            out.extend(_commands(command, f"{prefix}{name} "))
    return out


def test_every_command_has_help():
    runner = CliRunner()
    for name, command in _commands(main):
        assert command.help and command.help.strip(), f"{name} has no help text"
        result = runner.invoke(main, [*name.split(), "--help"])
        assert result.exit_code == 0 and "Usage:" in result.output


def test_extract_writes_the_contract(tmp_path: Path):
    output = tmp_path / "out.jsonl"
    result = run_graphx("extract", str(CORPUS), "-o", str(output))
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in output.read_text().splitlines()]
    assert len({r["doc"] for r in records}) >= 10
    texts = {p.stem: p.read_text(encoding="utf-8") for p in CORPUS.glob("*.txt")}
    for record in records:
        assert set(record) >= CONTRACT
        assert record["relation"] in RELATION_TYPES
        assert 0 < record["confidence"] <= 1
        assert "negated" not in record
        text = texts[record["doc"]]
        for key in ("source", "target"):
            actor = record[key]
            assert set(actor) == ACTOR_KEYS
            start, end = actor["span"]
            assert text[start:end] == actor["text"]
        start, end = record["sentence_span"]
        assert text[start:end] == record["sentence"]
        assert record["claimed_by"] is None or set(record["claimed_by"]) == ACTOR_KEYS


def test_keep_negated(tmp_path: Path):
    source = tmp_path / "doc.txt"
    source.write_text("The Pentagon has no plans to withdraw. Sudani did not meet Blinken.\n")
    runner = (
        CliRunner(mix_stderr=False)
        if "mix_stderr" in CliRunner.__init__.__code__.co_varnames
        else CliRunner()
    )
    plain = runner.invoke(main, ["extract", str(source), "-q"])
    assert plain.exit_code == 0 and plain.stdout.strip() == ""
    kept = runner.invoke(main, ["extract", str(source), "-q", "--keep-negated"])
    records = [json.loads(line) for line in kept.stdout.splitlines()]
    assert records and all(r["negated"] is True for r in records)


def test_jobs_give_the_same_output(tmp_path: Path):
    outputs = []
    for jobs in ("1", "2"):
        output = tmp_path / f"out{jobs}.jsonl"
        run_graphx("extract", str(CORPUS), "--jobs", jobs, "-q", "-o", str(output), check=True)
        outputs.append(output.read_text())
    assert outputs[0] == outputs[1] and outputs[0]


def test_bad_kb_file_is_one_line_and_exit_1(tmp_path: Path):
    bad = tmp_path / "kb.yaml"
    bad.write_text("actors:\n  - {id: q, name: Q, type: nope}\n")
    result = run_graphx("extract", str(CORPUS), "--kb", str(bad))
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0
    assert result.stderr.startswith(f"Error: {bad}: actors[0] (id 'q')")
    assert result.stdout == ""


def test_commands_that_do_not_extract_do_not_import_spacy():
    probe = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from graphx.cli import main\n"
        "CliRunner().invoke(main, ['--help'])\n"
        "print('spacy' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "False"
