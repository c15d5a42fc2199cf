"""Scoring an extraction against an analyst's gold triples (the annotation guidelines' format).

Gold: JSON Lines, one triple a line: `doc`, `source`, `relation`, `target` (ids of the actor
table), `evidence`, and optionally `accept` (other relation types that also match),
`either_direction`, `implicit` and `optional` (neither a miss when absent nor a false alarm when
found). The actor table (JSON) gives each id its `name`, `aliases` and `parents`.

Predictions: graphx's relation mentions (or any JSON objects with `doc`, `source`, `relation`,
`target`; an endpoint is a name or an object with `name`, `id`, `aliases`, `parents`).

A prediction's endpoints are mapped to actor-table ids by name, id or alias (case, accents,
punctuation and a leading "the" folded) and rolled up through the table's parents and the
parents the prediction lists. It is a hit when a gold triple of its document has both endpoints
among them and its relation (or one it accepts); the nearest such triple wins. Naming a parent
of a gold triple's actors (the US where the gold says the State Department) is neither a hit
nor a false alarm ("coarse"). Repeats of one triple in one document count once; negated
predictions are ignored. Precision counts hits against false alarms; recall counts the required
gold triples (not implicit, not optional) that some prediction matched. This is the algorithm of
the guidelines' reference scorer, reimplemented here so that graphx needs nothing outside itself;
a test checks that both give the same numbers.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graphx.errors import InputError

Endpoint = str | Mapping[str, Any]


def fold(name: object) -> str:
    """A name as the scorer compares names: ASCII, lower case, no leading "the", no punctuation."""
    text = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode()
    text = text.lower().replace("’", "'")
    text = re.sub(r"^(the)\s+", "", text.strip())
    text = re.sub(r"['`.]", "", text)
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def document_key(doc: object) -> str:
    """A document id as the gold writes it: the file name without folder or extension."""
    name = str(doc).replace("\\", "/").rsplit("/", 1)[-1]
    return re.sub(r"\.[A-Za-z0-9]{1,5}$", "", name)


def _label(endpoint: Endpoint) -> str:
    return str(endpoint.get("name")) if isinstance(endpoint, Mapping) else str(endpoint)


class ActorTable:
    """The gold's actor table: ids, the names that stand for them, and their parents."""

    def __init__(self, table: Mapping[str, Mapping[str, Any]]) -> None:
        self.parents = {key: list(entry.get("parents", [])) for key, entry in table.items()}
        self.index: dict[str, str] = {}
        for key, entry in table.items():
            for name in [key, entry.get("name", key), *entry.get("aliases", [])]:
                self.index.setdefault(fold(name), key)

    def ancestors(self, key: str) -> list[str]:
        """`key` and every id above it, nearest first."""
        seen: list[str] = []
        todo = [key]
        while todo:
            current = todo.pop(0)
            if current not in seen:
                seen.append(current)
                todo.extend(self.parents.get(current, []))
        return seen

    def lookup(self, endpoint: Endpoint) -> list[str]:
        """The ids an endpoint may stand for, most specific first."""
        if isinstance(endpoint, Mapping):
            names = [endpoint.get("name"), endpoint.get("id"), *(endpoint.get("aliases") or [])]
            parents = endpoint.get("parents") or []
        else:
            names, parents = [endpoint], []
        own = next((self.index[fold(n)] for n in names if n and fold(n) in self.index), None)
        found = self.ancestors(own) if own else []
        for parent in parents:
            for key in self.lookup(parent):
                if key not in found:
                    found.append(key)
        return found


@dataclass(frozen=True)
class Score:
    """Precision, recall and F1 with the counts behind them."""

    precision: float
    recall: float
    f1: float
    tp: int
    fp: int
    found: int
    required: int

    def line(self) -> str:
        return (
            f"P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f} "
            f"({self.found}/{self.required} found, {self.tp} right, {self.fp} false)"
        )


@dataclass
class Verdict:
    """What one (deduplicated) prediction was judged: tp, fp, neutral or coarse."""

    doc: str
    prediction: Mapping[str, Any]
    kind: str
    gold: Mapping[str, Any] | None = None


@dataclass
class Evaluation:
    """An extraction's scores overall, per relation type and per rule, with the evidence."""

    overall: Score
    by_relation: dict[str, Score]
    by_rule: dict[str, dict[str, int]]  # rule -> {"tp": n, "fp": n}
    verdicts: list[Verdict] = field(default_factory=list)
    missed: list[Mapping[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "overall": self.overall.__dict__,
            "by_relation": {r: s.__dict__ for r, s in self.by_relation.items()},
            "by_rule": self.by_rule,
        }


def _pairs(gold: Mapping[str, Any]) -> list[tuple[str, str]]:
    pairs = [(gold["source"], gold["target"])]
    if gold.get("either_direction"):
        pairs.append((gold["target"], gold["source"]))
    return pairs


def _matches(relation: str, gold: Mapping[str, Any]) -> bool:
    return relation == gold["relation"] or relation in gold.get("accept", [])


def evaluate(
    gold: Sequence[Mapping[str, Any]],
    actors: ActorTable,
    predictions: Iterable[Mapping[str, Any]],
) -> Evaluation:
    """Score `predictions` against `gold` (see the module docstring)."""
    by_doc: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for triple in gold:
        by_doc[triple["doc"]].append(triple)
    seen: set[tuple[str, str, str, str]] = set()
    matched: set[int] = set()
    verdicts: list[Verdict] = []
    for prediction in predictions:
        doc = document_key(prediction.get("doc", ""))
        if doc not in by_doc or prediction.get("negated"):
            continue
        relation = prediction["relation"]
        key = (
            doc,
            fold(_label(prediction["source"])),
            relation,
            fold(_label(prediction["target"])),
        )
        if key in seen:
            continue
        seen.add(key)
        sources, targets = actors.lookup(prediction["source"]), actors.lookup(prediction["target"])
        best: tuple[tuple[int, bool, bool], Mapping[str, Any]] | None = None
        for triple in by_doc[doc]:
            if not _matches(relation, triple):
                continue
            for source, target in _pairs(triple):
                if source in sources and target in targets:
                    rank = (
                        sources.index(source) + targets.index(target),
                        relation != triple["relation"],
                        id(triple) in matched,
                    )
                    if best is None or rank < best[0]:
                        best = (rank, triple)
        if best is not None:
            triple = best[1]
            matched.add(id(triple))
            neutral = triple.get("implicit") or triple.get("optional")
            verdicts.append(Verdict(doc, prediction, "neutral" if neutral else "tp", triple))
        elif _coarser(actors, by_doc[doc], relation, sources, targets):
            verdicts.append(Verdict(doc, prediction, "coarse"))
        else:
            verdicts.append(Verdict(doc, prediction, "fp"))
    required = [g for g in gold if not g.get("implicit") and not g.get("optional")]

    def score(relation: str | None = None) -> Score:
        tp = sum(
            1
            for v in verdicts
            if v.kind == "tp" and (relation is None or (v.gold and v.gold["relation"] == relation))
        )
        fp = sum(
            1
            for v in verdicts
            if v.kind == "fp" and (relation is None or v.prediction["relation"] == relation)
        )
        wanted = [g for g in required if relation is None or g["relation"] == relation]
        found = sum(1 for g in wanted if id(g) in matched)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = found / len(wanted) if wanted else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return Score(
            round(precision, 3), round(recall, 3), round(f1, 3), tp, fp, found, len(wanted)
        )

    by_rule: dict[str, dict[str, int]] = defaultdict(lambda: {"tp": 0, "fp": 0})
    for verdict in verdicts:
        if verdict.kind in ("tp", "fp"):
            by_rule[str(verdict.prediction.get("rule") or "unknown")][verdict.kind] += 1
    return Evaluation(
        overall=score(),
        by_relation={r: score(r) for r in sorted({g["relation"] for g in required})},
        by_rule=dict(sorted(by_rule.items())),
        verdicts=verdicts,
        missed=[g for g in required if id(g) not in matched],
    )


def _coarser(
    actors: ActorTable,
    triples: Sequence[Mapping[str, Any]],
    relation: str,
    sources: list[str],
    targets: list[str],
) -> bool:
    """Whether the prediction names a parent of some gold triple's actors."""
    if not sources or not targets:
        return False
    return any(
        sources[0] in actors.ancestors(source) and targets[0] in actors.ancestors(target)
        for triple in triples
        if _matches(relation, triple)
        for source, target in _pairs(triple)
    )


def read_json_lines(path: str | Path) -> list[dict[str, Any]]:
    """Every object of a JSON Lines file; a bad line is an InputError naming file and line."""
    records = []
    try:
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    records.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise InputError(f"{path}:{number}", f"not JSON: {exc.msg}") from exc
    except OSError as exc:
        raise InputError(str(path), exc.strerror or str(exc)) from exc
    return records


def read_actor_table(path: str | Path) -> ActorTable:
    """The actor table of a gold file; unreadable or malformed is an InputError naming it."""
    try:
        with open(path, encoding="utf-8") as handle:
            table = json.load(handle)
    except OSError as exc:
        raise InputError(str(path), exc.strerror or str(exc)) from exc
    except json.JSONDecodeError as exc:
        raise InputError(str(path), f"not JSON: {exc.msg}") from exc
    if not isinstance(table, dict):
        raise InputError(str(path), "not a JSON object of actors")
    return ActorTable(table)


def evaluate_inputs(
    gold_path: str | Path,
    actors_path: str | Path,
    inputs: Sequence[str],
    *,
    kb_files: Sequence[str] = (),
    jobs: int = 1,
) -> Evaluation:
    """Score `inputs` against a gold file: each input is graphx extract's output (a JSON
    Lines file of relation mentions), or documents (files, folders, corpora) extracted first
    with the knowledge base and `kb_files`. Unreadable documents are skipped (the score then
    counts their gold triples as missed)."""
    from graphx.extraction.documents import read_inputs

    gold = read_json_lines(gold_path)
    actors = read_actor_table(actors_path)
    predictions: list[Mapping[str, Any]] = []
    documents: list[str] = []
    for item in inputs:
        path = Path(item)
        if path.is_file() and _is_extract_output(path):
            predictions.extend(read_json_lines(path))
        else:
            documents.append(item)
    if documents:
        from graphx.extraction.kb import load_knowledge_base
        from graphx.extraction.pipeline import extract_stream, relation_record

        kb = load_knowledge_base(list(kb_files))
        for item in extract_stream(read_inputs(documents), jobs=jobs, kb=kb, kb_files=kb_files):
            if isinstance(item, InputError):
                continue
            _, relations = item
            predictions.extend(relation_record(r, kb) for r in relations)
    return evaluate(gold, actors, predictions)


def _is_extract_output(path: Path) -> bool:
    from graphx.extraction.documents import is_extract_output

    try:
        return is_extract_output(path)
    except OSError as exc:
        raise InputError(str(path), exc.strerror or str(exc)) from exc
