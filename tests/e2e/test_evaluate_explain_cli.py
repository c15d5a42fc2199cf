"""`graphx evaluate` scores like the guidelines' scorer; `graphx explain` shows kept and
refused readings. Through the CLI (in-process) with the real model."""

from __future__ import annotations

import json

import pytest

from ..conftest import SHARED, run_graphx, shared_score

SEEDS_GOLD = SHARED / "eval" / "seeds.gold.jsonl"
SEEDS_ACTORS = SHARED / "eval" / "seeds.actors.json"


@pytest.fixture(scope="module")
def seed_mentions(tmp_path_factory):
    if not SEEDS_GOLD.exists():
        pytest.skip("../shared is not beside the checkout")
    out = tmp_path_factory.mktemp("seeds") / "seeds.jsonl"
    done = run_graphx("extract", str(SHARED / "seeds"), "-q", "-o", str(out))
    assert done.returncode == 0, done.stderr
    return out


def _reference(path) -> dict:
    return shared_score(SEEDS_GOLD, SEEDS_ACTORS, path)


def test_evaluate_agrees_with_the_reference_scorer_on_extract_output(seed_mentions):
    done = run_graphx(
        "evaluate",
        "--gold",
        str(SEEDS_GOLD),
        "--actors",
        str(SEEDS_ACTORS),
        str(seed_mentions),
        "--format",
        "json",
    )
    assert done.returncode == 0, done.stderr
    ours = json.loads(done.stdout)
    reference = _reference(seed_mentions)
    assert ours["overall"] == reference["overall"]
    assert ours["by_relation"] == reference["by_relation"]
    assert sum(c["tp"] for c in ours["by_rule"].values()) == reference["overall"]["tp"]


def test_evaluate_extracts_documents_first_with_the_same_result(seed_mentions):
    from_docs = run_graphx(
        "evaluate",
        "--gold",
        str(SEEDS_GOLD),
        "--actors",
        str(SEEDS_ACTORS),
        str(SHARED / "seeds"),
        "--format",
        "json",
    )
    from_file = run_graphx(
        "evaluate",
        "--gold",
        str(SEEDS_GOLD),
        "--actors",
        str(SEEDS_ACTORS),
        str(seed_mentions),
        "--format",
        "json",
    )
    assert json.loads(from_docs.stdout)["overall"] == json.loads(from_file.stdout)["overall"]


def test_evaluate_show_lists_false_alarms_and_misses(seed_mentions):
    done = run_graphx(
        "evaluate",
        "--gold",
        str(SEEDS_GOLD),
        "--actors",
        str(SEEDS_ACTORS),
        str(seed_mentions),
        "--show",
    )
    lines = done.stdout.splitlines()
    assert any(line.startswith("FALSE ") for line in lines)
    assert any(line.startswith("MISSED ") for line in lines)
    assert lines[-1].startswith("overall P=")


def test_evaluate_names_a_bad_gold_line(tmp_path, seed_mentions):
    bad = tmp_path / "gold.jsonl"
    bad.write_text('{"doc": "a"}\nnot json\n', encoding="utf-8")
    done = run_graphx(
        "evaluate", "--gold", str(bad), "--actors", str(SEEDS_ACTORS), str(seed_mentions)
    )
    assert done.returncode != 0
    assert done.stderr.strip().startswith(f"Error: {bad}:2: not JSON")
    assert "Traceback" not in done.stderr


def test_explain_shows_kept_and_refused_readings():
    done = run_graphx(
        "explain",
        "Iraq has joined Kataib Hezbollah, and Kataib Hezbollah attacked US forces.",
        "--date",
        "2024-02-01",
        "--no-parse",
    )
    assert done.returncode == 0, done.stderr
    assert "+ Kataib Hezbollah --strikes--> US military  [verb]" in done.stdout
    assert "- Iraq --part_of--> Kataib Hezbollah  [verb]  refused: wrong for the actors' types" in (
        done.stdout
    )
    assert "parse:" not in done.stdout


def test_explain_needs_one_text():
    neither = run_graphx("explain")
    assert neither.returncode == 2 and "give a SENTENCE or --doc FILE" in neither.stderr
    stray = run_graphx("explain", "Iran attacked Israel.", "--sentence", "2")
    assert stray.returncode == 2 and "--sentence goes with --doc" in stray.stderr
