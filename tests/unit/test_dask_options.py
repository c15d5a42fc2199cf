"""`graphx extract --dask` refuses what it cannot do in one line, before any cluster starts and
without importing spaCy (this tier blocks it): Dask missing, no -o folder, a file as -o, a bad
local:N, --jobs beside it; and `graphx load` refuses a folder that is no finished extraction."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphx.cli import main

ROOT = Path(__file__).resolve().parents[2]
CORPUS = str(ROOT / "data" / "corpus")


def _graphx(*args: str):
    result = CliRunner().invoke(main, list(args), prog_name="graphx")
    return result.exit_code, result.stderr


def test_without_dask_the_option_says_how_to_install_it(tmp_path: Path, monkeypatch):
    # an absent package: importing it raises ImportError, as when it is not installed
    for name in [n for n in sys.modules if n.split(".")[0] in ("dask", "distributed")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "distributed", None)
    monkeypatch.setitem(sys.modules, "dask", None)
    out = tmp_path / "out"
    code, stderr = _graphx("extract", CORPUS, "--dask", "local:2", "-o", str(out))
    assert (code, stderr) == (
        1,
        'Error: --dask needs Dask, which is not installed: pip install "graphx[dask]"\n',
    )
    assert not out.exists()
    assert "spacy" not in sys.modules


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ([], "Error: --dask writes shards to a folder: give it with -o OUT_DIR/\n"),
        (
            ["-o", "{file}"],
            "Error: -o {file}: with --dask, -o names a folder, and this is a file\n",
        ),
        (["-o", "{dir}", "--dask", "local:0"], "local:N needs a number of workers of 1 or more"),
        (["-o", "{dir}", "--dask", "local:x"], "local:N needs a number of workers of 1 or more"),
        (["-o", "{dir}", "--jobs", "2"], "--jobs is for one machine"),
    ],
)
def test_dask_refusals(tmp_path: Path, arguments: list[str], message: str):
    pytest.importorskip("distributed")
    file = tmp_path / "mentions.jsonl"
    file.write_text("", encoding="utf-8")
    values = {"file": str(file), "dir": str(tmp_path / "out")}
    arguments = [a.format(**values) for a in arguments]
    if "--dask" not in arguments:
        arguments += ["--dask", "local:2"]
    code, stderr = _graphx("extract", CORPUS, *arguments)
    assert code in (1, 2) and message.format(**values) in stderr
    # one message, last (click puts its usage lines before a bad option's)
    errors = [line for line in stderr.splitlines() if line.startswith("Error")]
    assert len(errors) == 1 and stderr.strip().splitlines()[-1] == errors[0]
    assert not (tmp_path / "out").exists()


def test_a_folder_for_o_without_dask_is_still_refused(tmp_path: Path):
    code, stderr = _graphx("extract", CORPUS, "-o", str(tmp_path))
    assert code == 2 and "is a directory (a folder of shards needs --dask)" in stderr


def test_load_refuses_a_folder_without_manifest_before_opening_a_store(tmp_path: Path):
    (tmp_path / "part-00000.jsonl").write_text("", encoding="utf-8")
    db = tmp_path / "graph.lbdb"
    code, stderr = _graphx("load", str(tmp_path), "--db", str(db))
    assert code == 1
    assert stderr == (
        f"Error: {tmp_path}: no manifest.json: not a finished graphx extract --dask folder "
        "(a run that stopped midway writes none; run it again)\n"
    )
    assert not db.exists()
