"""The evaluation scorer (../shared/eval/score.py, imported by path): on a tiny gold file and
predictions written here, exact precision, recall and F1, and what counts as right, wrong,
coarse, neutral or not counted at all (unit tier: standard library only)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

SCORER = Path(__file__).resolve().parents[3] / "shared" / "eval" / "score.py"

ACTORS = {
    "us": {"name": "United States", "aliases": ["Washington"]},
    "state_dept": {"name": "State Department", "parents": ["us"]},
    "pmf": {"name": "Popular Mobilization Forces", "aliases": ["PMF"]},
    "kh": {"name": "Kataib Hezbollah", "aliases": ["KH"], "parents": ["pmf"]},
    "iran": {"name": "Iran", "aliases": ["Tehran"]},
}

GOLD = [
    {"doc": "d1", "source": "kh", "relation": "strikes", "target": "us"},
    {"doc": "d1", "source": "iran", "relation": "supports", "target": "kh"},
    {"doc": "d1", "source": "us", "relation": "opposes", "target": "iran", "accept": ["threatens"]},
    {"doc": "d2", "source": "state_dept", "relation": "opposes", "target": "kh"},
    {"doc": "d2", "source": "kh", "relation": "part_of", "target": "pmf", "implicit": True},
    {
        "doc": "d2",
        "source": "us",
        "relation": "negotiates",
        "target": "iran",
        "either_direction": True,
    },
]


def _p(doc: str, source: Any, relation: str, target: Any, **extra: Any) -> dict[str, Any]:
    return {"doc": doc, "source": source, "relation": relation, "target": target, **extra}


PREDICTIONS = [
    _p("d1", "KH", "strikes", "Washington"),  # right, by aliases
    _p("d1", "the KH", "strikes", "washington"),  # the same triple again: counted once
    _p("d1", "Tehran", "supports", "Kataib Hezbollah"),  # right
    _p("d1", "United States", "threatens", "Iran"),  # right: an accepted relation
    _p("d1", "Iran", "strikes", "United States"),  # wrong
    _p("d2", "United States", "opposes", "KH"),  # coarse: the parent of the gold source
    _p("d2", "Kataib Hezbollah", "part_of", "PMF"),  # neutral: an implicit gold relation
    _p("d2", "Iran", "negotiates", "Washington"),  # right: either direction
    _p("corpus/d2.txt", "Iran", "opposes", "KH"),  # wrong: a path and suffix name doc d2
    _p("d3", "Iran", "strikes", "KH"),  # not counted: no gold for the document
    _p("d1", "KH", "opposes", "Iran", negated=True),  # not counted: negated
]


@pytest.fixture(scope="module")
def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("graphx_eval_score", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scored(scorer: ModuleType):
    return scorer.score(GOLD, scorer.Actors(ACTORS), PREDICTIONS)


def test_overall_precision_recall_and_f1_are_exact(scored):
    result, _, _ = scored
    # 4 right, 2 wrong; 4 of the 5 required gold relations found (the implicit one is not)
    assert result["overall"] == {
        "precision": 0.667,
        "recall": 0.8,
        "f1": 0.727,
        "tp": 4,
        "fp": 2,
        "found": 4,
        "required": 5,
    }


def test_scores_by_relation_cover_the_required_relations_only(scored):
    by_relation = scored[0]["by_relation"]
    assert sorted(by_relation) == ["negotiates", "opposes", "strikes", "supports"]
    assert "part_of" not in by_relation  # only an implicit gold relation has it
    assert by_relation["strikes"] == {
        "precision": 0.5,
        "recall": 1.0,
        "f1": 0.667,
        "tp": 1,
        "fp": 1,
        "found": 1,
        "required": 1,
    }
    # the accepted "threatens" counts for the gold relation, opposes
    assert by_relation["opposes"] == {
        "precision": 0.5,
        "recall": 0.5,
        "f1": 0.5,
        "tp": 1,
        "fp": 1,
        "found": 1,
        "required": 2,
    }
    assert by_relation["negotiates"]["f1"] == by_relation["supports"]["f1"] == 1.0


def test_each_prediction_gets_its_verdict(scored):
    _, verdicts, missed = scored
    named = [(doc, p["source"], p["relation"], verdict) for doc, p, verdict, _ in verdicts]
    assert named == [
        ("d1", "KH", "strikes", "tp"),
        ("d1", "Tehran", "supports", "tp"),
        ("d1", "United States", "threatens", "tp"),
        ("d1", "Iran", "strikes", "fp"),
        ("d2", "United States", "opposes", "coarse"),
        ("d2", "Kataib Hezbollah", "part_of", "neutral"),
        ("d2", "Iran", "negotiates", "tp"),
        ("d2", "Iran", "opposes", "fp"),
    ]
    # neither the unknown document, the negated line nor the repeated triple is judged
    assert not any(doc == "d3" or p.get("negated") for doc, p, _, _ in verdicts)
    assert [(g["doc"], g["source"], g["target"]) for g in missed] == [("d2", "state_dept", "kh")]


def test_an_endpoint_object_resolves_through_its_id_and_parents(scorer: ModuleType):
    actors = scorer.Actors(ACTORS)
    brigade = {"name": "Brigade 45", "parents": [{"name": "Kataib Hezbollah"}]}
    assert actors.lookup(brigade) == ["kh", "pmf"]
    assert actors.lookup({"name": "Hashd", "id": "pmf"}) == ["pmf"]
    assert actors.lookup("Narnia") == []
    result, verdicts, _ = scorer.score(
        GOLD[:1], actors, [_p("d1", brigade, "strikes", {"name": "USA", "aliases": ["Washington"]})]
    )
    assert [v[2] for v in verdicts] == ["tp"]
    assert result["overall"]["precision"] == result["overall"]["recall"] == 1.0


def test_no_predictions_score_zero_not_an_error(scorer: ModuleType):
    result, verdicts, missed = scorer.score(GOLD, scorer.Actors(ACTORS), [])
    assert verdicts == [] and len(missed) == 5
    assert result["overall"]["precision"] == result["overall"]["f1"] == 0.0
    assert result["overall"]["required"] == 5


def test_the_command_line_prints_the_same_scores_as_json(scorer, tmp_path: Path, capsys):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(g) + "\n" for g in GOLD), encoding="utf-8")
    actors = tmp_path / "actors.json"
    actors.write_text(json.dumps(ACTORS), encoding="utf-8")
    predictions = tmp_path / "pred.jsonl"
    predictions.write_text("".join(json.dumps(p) + "\n" for p in PREDICTIONS), encoding="utf-8")
    scorer.main(["--gold", str(gold), "--actors", str(actors), str(predictions), "--json"])
    printed = json.loads(capsys.readouterr().out)
    assert printed["overall"]["f1"] == 0.727
    assert printed["overall"]["fp"] == 2
