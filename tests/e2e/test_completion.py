"""Shell completion through click's own protocol, as bash and zsh run it: the `graphx` console
script in a subprocess with COMP_WORDS, COMP_CWORD and _GRAPHX_COMPLETE set. Actor arguments
complete from a small embedded store built here; options complete from the command."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import run_graphx

ARTICLE = """Militia attacks on coalition bases

BAGHDAD, March 3, 2024 - Kataib Hezbollah fired rockets at US forces near Baghdad on Sunday.
Iran supports Kataib Hezbollah, according to the Pentagon.
"""


def _graphx_script() -> str:
    beside = Path(sys.executable).with_name("graphx")
    found = str(beside) if beside.exists() else shutil.which("graphx")
    if not found:
        pytest.skip("the graphx console script is not installed (pip install -e .)")
    return found


@pytest.fixture(scope="module")
def store_file(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("completion")
    article = folder / "militias.txt"
    article.write_text(ARTICLE)
    store = folder / "graph.lbdb"
    built = run_graphx("build", str(article), "--db", str(store), "-q")
    assert built.returncode == 0, built.stderr
    return store


def _complete(
    words: list[str], shell: str = "bash", **environment: str
) -> subprocess.CompletedProcess:
    """What `graphx` offers for the last of `words` (the word being typed, maybe empty)."""
    env = {k: v for k, v in os.environ.items() if k not in {"NEO4J_URI", "GRAPHX_DB"}}
    env.update(
        {
            "COMP_WORDS": " ".join(["graphx", *words]),
            "COMP_CWORD": str(len(words)),
            "_GRAPHX_COMPLETE": f"{shell}_complete",
            **environment,
        }
    )
    return subprocess.run([_graphx_script()], capture_output=True, text=True, timeout=120, env=env)


def _offered(completed: subprocess.CompletedProcess) -> list[str]:
    """The bash values offered (lines `type,value`)."""
    assert completed.returncode == 0, completed.stderr
    return [line.split(",", 1)[1] for line in completed.stdout.splitlines() if line]


def test_actor_name_completes_from_the_store(store_file: Path) -> None:
    offered = _offered(_complete(["actor", "--db", str(store_file), "Kat"]))
    assert offered == ["Kataib\\ Hezbollah"]  # escaped: bash inserts it as one word
    assert "Iran" not in offered


def test_prefix_is_case_insensitive_and_aliases_offer_the_name(store_file: Path) -> None:
    lower = _offered(_complete(["actor", "--db", str(store_file), "kat"]))
    assert lower == ["Kataib\\ Hezbollah"]
    by_alias = _offered(_complete(["actor", "--db", str(store_file), "kh"]))
    assert "Kataib\\ Hezbollah" in by_alias
    assert "Iran" not in by_alias


def test_every_lookup_command_completes_actor_names(store_file: Path) -> None:
    db = ["--db", str(store_file)]
    for words in (
        ["between", *db, "Iran", "kat"],
        ["path", *db, "kat"],
        ["timeline", *db, "Iran", "Kat"],
        ["view", *db, "--actor", "kat"],
        ["stats", *db, "--actor", "kat"],
        ["export", *db, "--actor", "kat"],
    ):
        offered = _offered(_complete(words))
        assert offered == ["Kataib\\ Hezbollah"], words
    iran = _offered(_complete(["timeline", *db, "ir"]))
    assert "Iran" in iran
    assert "Kataib\\ Hezbollah" not in iran


def test_the_store_comes_from_the_environment_too(store_file: Path) -> None:
    offered = _offered(_complete(["between", "Ir"], GRAPHX_DB=str(store_file)))
    assert "Iran" in offered
    assert "Kataib\\ Hezbollah" not in offered


def test_zsh_gets_the_name_unescaped(store_file: Path) -> None:
    completed = _complete(["actor", "--db", str(store_file), "Kat"], shell="zsh")
    assert completed.returncode == 0, completed.stderr
    lines = completed.stdout.splitlines()
    assert lines[:2] == ["plain", "Kataib Hezbollah"]
    assert "Kataib\\ Hezbollah" not in completed.stdout


def test_no_store_offers_nothing_and_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "missing.lbdb"
    completed = _complete(["actor", "--db", str(missing), "Kat"])
    assert completed.returncode == 0
    assert completed.stdout.strip() == ""
    assert "Traceback" not in completed.stderr
    assert not missing.exists()


def test_options_complete(store_file: Path) -> None:
    offered = _offered(_complete(["view", "--ac"]))
    assert "--actor" in offered
    assert "--hops" not in offered
    commands = _offered(_complete(["time"]))
    assert commands == ["timeline"]


def test_completion_never_imports_spacy(store_file: Path) -> None:
    completed = _complete(["actor", "--db", str(store_file), "Kat"], PYTHONPROFILEIMPORTTIME="1")
    assert completed.returncode == 0
    assert "Kataib" in completed.stdout
    imported = completed.stderr
    assert "graphx.serve.network" in imported  # the import log is there
    assert "spacy" not in imported
    assert "graphx.extraction.nlp" not in imported
