"""The README's commands run as written, and every graphx command is documented there.

Convention (stated in a comment at the top of README.md too): a block fenced ```bash is
runnable; its commands are run in order, from the top of the README to the bottom, each on its
own (a line ending in a backslash continues on the next). Blocks fenced ```text (synopses with
[optional] parts and a|b alternatives, program output), ```json, ```yaml and ```zsh are not run.

The commands run in a temporary folder holding a copy of the sample corpus (data/corpus/),
with no Neo4j settings in the environment, so every graphx command uses the embedded store
./graphx.lbdb there. Not run here, on purpose:
- the README's first two lines (install and build, install and the tests): CI runs exactly
  those (.ci/run), and they install packages;
- any other line that calls pip;
- lines that need Neo4j or start it (scripts/neo4j-local, NEO4J_... settings, --neo4j), and the
  rest of a block after `export NEO4J_URI=...`, since from there its commands go to Neo4j;
- the benchmarks (python bench/...): minutes each, run on their own.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CORPUS, ROOT

README = ROOT / "README.md"
FENCE = re.compile(r"^```(\S*)\s*$")
RUNNABLE = "bash"
# the synopses' metavariables (actor names such as US or PMF are upper case too, and fine)
PLACEHOLDERS = frozenset(
    {"PATH", "PATHS", "FILE", "URI", "N", "NAME", "ID", "BYTES", "MENTIONS.jsonl", "FIRST"}
    | {"SECOND", "TYPES", "DATE", "SECONDS", "NAME=VALUE", "NAME_OR_CYPHER", "SELECTION"}
)


def runnable_blocks(text: str) -> list[list[str]]:
    """The commands of each ```bash block, backslash-continued lines joined."""
    blocks: list[list[str]] = []
    language: str | None = None
    lines: list[str] = []
    for line in text.splitlines():
        fence = FENCE.match(line)
        if fence and language is None:
            language, lines = fence.group(1), []
        elif fence:
            if language == RUNNABLE:
                blocks.append(_commands(lines))
            language = None
        elif language is not None:
            lines.append(line)
    assert language is None, "README.md has an unclosed ``` block"
    return blocks


def _commands(lines: list[str]) -> list[str]:
    commands: list[str] = []
    pending = ""
    for line in lines:
        if line.rstrip().endswith("\\"):
            pending += line.rstrip()[:-1] + " "
            continue
        command = (pending + line).strip()
        pending = ""
        if command and not command.startswith("#"):
            commands.append(command)
    return commands


def _skip_reason(command: str) -> str | None:
    if re.search(r"\bpip\b", command):
        return "installs packages"
    if re.search(r"neo4j", command, re.IGNORECASE):
        return "needs Neo4j"
    if "bench/" in command:
        return "a benchmark"
    return None


def commands_to_run(text: str) -> tuple[list[str], list[tuple[str, str]]]:
    """(the commands run here, in order; the ones skipped, with why)."""
    blocks = runnable_blocks(text)
    skipped = [(command, "run by CI") for command in blocks[0][:2]]
    blocks[0] = blocks[0][2:]
    run: list[str] = []
    for block in blocks:
        for index, command in enumerate(block):
            reason = _skip_reason(command)
            if reason is None:
                run.append(command)
                continue
            skipped.append((command, reason))
            if re.match(r"export NEO4J_URI=", command):
                skipped.extend((rest, "runs on Neo4j") for rest in block[index + 1 :])
                break
    return run, skipped


@pytest.fixture(scope="module")
def readme() -> str:
    return README.read_text(encoding="utf-8")


def test_the_ci_lines_open_the_readme(readme: str) -> None:
    first = runnable_blocks(readme)[0]
    assert first[0].startswith("pip install -e . && graphx build data/corpus")
    assert first[1].startswith('pip install -e ".[dev]" && ')  # what .ci/run greps for
    run, skipped = commands_to_run(readme)
    assert first[0] not in run and first[1] not in run
    assert (first[0], "run by CI") in skipped


def test_runnable_lines_have_no_synopsis_notation(readme: str) -> None:
    run, skipped = commands_to_run(readme)
    assert len(run) >= 20  # the README's examples are really collected
    for command in run + [command for command, _ in skipped]:
        for word in shlex.split(command, comments=True):
            assert not word.startswith("["), f"[optional] part in: {command}"
            assert not word.endswith("..."), f"synopsis in: {command}"
            assert word not in PLACEHOLDERS, f"placeholder {word} in: {command}"
            alternatives = re.fullmatch(r"\w+(\|\w+)+", word)
            assert not alternatives, f"a|b alternatives in: {command}"


def test_synopses_live_in_text_blocks(readme: str) -> None:
    synopses = [
        line
        for line in readme.splitlines()
        if re.match(r"graphx export --format \w+(\|\w+)+ ", line)
    ]
    assert synopses, "the export synopsis is gone from the README"
    run, _ = commands_to_run(readme)
    assert not any("graphml|gexf" in command for command in run)


def test_every_command_is_in_the_readme(readme: str) -> None:
    from graphx.cli import main

    assert {"extract", "build", "view", "actor"} <= set(main.commands)
    missing = [
        name for name in main.commands if not re.search(rf"\bgraphx {re.escape(name)}\b", readme)
    ]
    assert missing == [], f"commands the README never shows: {missing}"


def test_the_readme_commands_run_as_written(readme: str, tmp_path: Path) -> None:
    run, skipped = commands_to_run(readme)
    assert any("scripts/neo4j-local start" in command for command, _ in skipped)
    assert not any("neo4j" in command.lower() for command in run)
    shutil.copytree(CORPUS, tmp_path / "data" / "corpus")
    shutil.copytree(ROOT / "data" / "eval", tmp_path / "data" / "eval")
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("NEO4J_") and key not in {"GRAPHX_DB"}
    }
    # `graphx` as installed beside this interpreter; HOME here, so nothing touches the user's
    env.update(
        PATH=f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}", HOME=str(tmp_path)
    )
    for command in run:
        done = subprocess.run(
            ["bash", "-o", "pipefail", "-c", command],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=1200,
        )
        assert done.returncode == 0, f"{command}\nexit {done.returncode}\n{done.stderr[-2000:]}"
        assert "Traceback" not in done.stderr, command
    # what the commands wrote, where they said
    assert (tmp_path / "graphx.lbdb").exists()
    assert (tmp_path / "mentions.jsonl").stat().st_size > 0
    for written in ("iraq.html", "kh.html", "iraq.graphml", "iraq.gexf", "iraq.json"):
        assert (tmp_path / written).stat().st_size > 0, written
    assert (tmp_path / "iraq-csv" / "edges.csv").exists()
    assert not (tmp_path / "PATH").exists()


def test_the_readme_python_example_runs(readme: str, tmp_path: Path, monkeypatch) -> None:
    """The Python API section's example, run as written in a folder holding the sample corpus."""
    block = readme.split("## Python API", 1)[1].split("```python\n", 1)[1].split("```", 1)[0]
    shutil.copytree(ROOT / "data", tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    names: dict = {}
    exec(compile(block, "README.md (Python API)", "exec"), names)
    assert names["report"].mentions_added > 0
    assert names["graph"].number_of_edges() > 0
    assert all(data["relation"] == "strikes" for _, _, data in names["graph"].edges(data=True))
    assert (tmp_path / "kh.html").exists() and (tmp_path / "strikes.gexf").exists()
