"""graphx's scorer agrees with the guidelines' reference scorer (../shared/eval/score.py) and
judges hits, false alarms, coarse and neutral predictions as the guidelines say."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from graphx.extraction.evaluation import ActorTable, evaluate, read_json_lines

SHARED = Path(__file__).resolve().parents[3] / "shared" / "eval"

ACTORS = ActorTable(
    {
        "US": {"name": "United States", "aliases": ["Washington"]},
        "STATE": {"name": "State Department", "parents": ["US"]},
        "KH": {"name": "Kataib Hezbollah", "aliases": ["KH"], "parents": ["PMF"]},
        "PMF": {"name": "Popular Mobilization Forces"},
        "IRAN": {"name": "Iran"},
    }
)
GOLD = [
    {"doc": "a", "source": "US", "relation": "strikes", "target": "KH", "accept": ["opposes"]},
    {"doc": "a", "source": "IRAN", "relation": "supports", "target": "KH"},
    {"doc": "a", "source": "STATE", "relation": "opposes", "target": "IRAN"},
    {"doc": "a", "source": "KH", "relation": "part_of", "target": "PMF", "optional": True},
]


def _p(source, relation, target, doc="a.txt", **extra):
    return {"doc": doc, "source": source, "relation": relation, "target": target, **extra}


def test_hits_false_alarms_coarse_and_neutral():
    result = evaluate(
        GOLD,
        ACTORS,
        [
            _p("Washington", "opposes", "KH", rule="verb"),  # accepted relation: a hit
            _p("Washington", "opposes", "kh", rule="verb"),  # the same triple again: once
            _p("Iran", "supports", {"name": "the Kataib Hezbollah"}, rule="prefix"),  # folded
            _p("United States", "opposes", "Iran", rule="verb"),  # a parent of the gold: coarse
            _p("Kataib Hezbollah", "part_of", "PMF", rule="role"),  # optional: neutral
            _p("Iran", "strikes", "United States", rule="verb"),  # a false alarm
            _p("Iran", "strikes", "KH", negated=True),  # negated: ignored
            _p("Iran", "strikes", "KH", doc="elsewhere"),  # a document the gold lacks: ignored
        ],
    )
    kinds = [v.kind for v in result.verdicts]
    assert kinds == ["tp", "tp", "coarse", "neutral", "fp"]
    assert (result.overall.tp, result.overall.fp, result.overall.found) == (2, 1, 2)
    assert result.overall.required == 3  # the optional triple is never required
    assert (result.overall.precision, result.overall.recall) == (0.667, 0.667)
    assert result.by_rule == {"prefix": {"tp": 1, "fp": 0}, "verb": {"tp": 1, "fp": 1}}
    assert [g["relation"] for g in result.missed] == ["opposes"]


def test_a_prediction_naming_parents_rolls_up():
    result = evaluate(
        GOLD[:1],
        ACTORS,
        [_p({"name": "US Army", "parents": ["United States"]}, "strikes", "KH")],
    )
    assert result.overall.recall == 1.0 and result.overall.fp == 0


def _reference():
    spec = importlib.util.spec_from_file_location("reference_score", SHARED / "score.py")
    if spec is None or not (SHARED / "score.py").exists():
        pytest.skip("../shared/eval/score.py is not beside the checkout")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", ["seeds", "dev"])
def test_agrees_with_the_reference_scorer(name, tmp_path: Path):
    """On the real gold with a prediction set made from it (every gold triple, some with their
    relations and directions changed), both scorers give the same numbers."""
    reference = _reference()
    folder = SHARED if name == "seeds" else SHARED / "dev"
    prefix = "seeds." if name == "seeds" else ""
    gold = read_json_lines(folder / f"{prefix}gold.jsonl")
    table = json.loads((folder / f"{prefix}actors.json").read_text(encoding="utf-8"))
    predictions = []
    for number, triple in enumerate(gold):
        relation = triple["relation"] if number % 3 else "opposes"
        source, target = (triple["source"], triple["target"])
        if number % 5 == 0:
            source, target = target, source
        predictions.append(
            {
                "doc": triple["doc"],
                "source": source,
                "relation": relation,
                "target": target,
                "rule": f"r{number % 4}",
            }
        )
    ours = evaluate(gold, ActorTable(table), predictions)
    theirs, verdicts, missed = reference.score(gold, reference.Actors(table), predictions)
    assert ours.overall.__dict__ == theirs["overall"]
    assert {r: s.__dict__ for r, s in ours.by_relation.items()} == theirs["by_relation"]
    assert [v.kind for v in ours.verdicts] == [v[2] for v in verdicts]
    assert len(ours.missed) == len(missed)
    assert 0 < ours.overall.precision < 1  # the mixed prediction set tests something
