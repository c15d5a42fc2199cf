"""Progress bars: `extract` and `build` draw one on standard error when it is a terminal (a real
pseudo-terminal here, from the `pty` module), with documents done out of a total known
beforehand, and none when standard error is piped or with --quiet."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.conftest import CORPUS

BAR = "━"  # rich's bar character


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[str]:
    """Two articles and one empty file (which fails): three inputs."""
    folder = tmp_path_factory.mktemp("inputs")
    (folder / "empty.txt").write_text("")
    return [
        str(CORPUS / "10_tower22_2024.txt"),
        str(CORPUS / "05_soleimani_strike_2020.txt"),
        str(folder / "empty.txt"),
    ]


def _environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"NEO4J_URI", "GRAPHX_DB"}}
    # a fixed width, so the whole bar fits on one line
    env.update(COLUMNS="160", LINES="40", TERM="xterm")
    return env


def _on_terminal(*args: str) -> tuple[int, str, str]:
    """Run `graphx ARGS` with standard error on a pseudo-terminal and standard output piped:
    (exit code, standard output, everything the terminal received)."""
    leader, follower = pty.openpty()
    child = subprocess.Popen(
        [sys.executable, "-m", "graphx", *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=follower,
        env=_environment(),
    )
    os.close(follower)
    received: list[bytes] = []

    def drain() -> None:  # the terminal must be read while the child writes, or it blocks
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the child closed the terminal
                return
            if not chunk:
                return
            received.append(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    stdout, _ = child.communicate(timeout=600)
    reader.join(timeout=30)
    os.close(leader)
    return child.returncode, stdout.decode(), b"".join(received).decode(errors="replace")


def _piped(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "graphx", *args],
        capture_output=True,
        text=True,
        timeout=600,
        env=_environment(),
        stdin=subprocess.DEVNULL,
    )


def test_extract_draws_a_bar_on_a_terminal(inputs: list[str]) -> None:
    code, stdout, terminal = _on_terminal("extract", *inputs)
    assert code == 3, terminal  # the empty file failed, the others were extracted
    assert BAR in terminal
    assert "3/3" in terminal  # documents done out of the inputs counted first
    assert "1 failed" in terminal
    assert "relations" in terminal
    assert "empty" in terminal  # the failure itself is still named
    # the JSON Lines went to standard output, none of it to the terminal
    assert '"relation"' in stdout
    assert '"relation"' not in terminal
    assert BAR not in stdout


def test_extract_piped_draws_no_bar(inputs: list[str]) -> None:
    piped = _piped("extract", *inputs)
    assert piped.returncode == 3
    assert BAR not in piped.stderr
    assert "3/3" not in piped.stderr
    assert "relations from 2 documents; 1 input(s) failed" in piped.stderr
    assert '"relation"' in piped.stdout


def test_extract_quiet_draws_no_bar_on_a_terminal(inputs: list[str]) -> None:
    code, stdout, terminal = _on_terminal("extract", "--quiet", *inputs)
    assert code == 3
    assert BAR not in terminal
    assert "relations from" not in terminal
    assert "empty" in terminal  # failures are named even when quiet
    assert '"relation"' in stdout


def test_build_bar_knows_its_total(inputs: list[str], tmp_path: Path) -> None:
    store = str(tmp_path / "graph.lbdb")
    code, _, terminal = _on_terminal("build", *inputs, "--db", store)
    assert code == 3, terminal
    assert BAR in terminal
    assert "/3" in terminal  # the total, counted before any parsing
    assert "/?" not in terminal  # never an unknown total
    assert "2 documents:" in terminal


def test_build_piped_draws_no_bar(inputs: list[str], tmp_path: Path) -> None:
    piped = _piped("build", inputs[0], "--db", str(tmp_path / "graph.lbdb"))
    assert piped.returncode == 0, piped.stderr
    assert BAR not in piped.stderr
    assert "1 documents:" in piped.stderr


def test_inputs_are_counted_without_parsing(tmp_path: Path) -> None:
    from graphx.cli import _count_documents

    corpus = tmp_path / "corpus"
    (corpus / "deeper").mkdir(parents=True)
    (corpus / "a.txt").write_text("One.")
    (corpus / "deeper" / "b.md").write_text("Two.")
    (corpus / "notes.csv").write_text("not an input")
    (corpus / ".hidden.txt").write_text("skipped")
    lines = tmp_path / "more.jsonl"
    lines.write_text('{"id": "x", "text": "A."}\n\n{"id": "y", "text": "B."}\n')
    assert _count_documents((str(corpus),)) == 2
    assert _count_documents((str(corpus), str(lines))) == 4
    assert _count_documents((str(tmp_path / "missing.txt"),)) == 1  # one failure
    assert _count_documents(("-",)) is None  # standard input cannot be counted first
    assert _count_documents((str(corpus), str(corpus))) == 2  # named twice, read once
