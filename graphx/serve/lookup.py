"""Answers to an analyst's quick questions, from either store: who is this actor and what does
it do to whom (`actor_profile`), how are two actors related (`between`), how are they
connected (`paths`), and what happened when (`timeline`).

Names resolve through the stored actors' ids, names and aliases, then through fuzzy matching;
near misses get "did you mean" suggestions, ambiguous names list their candidates.
"""

from __future__ import annotations

import difflib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from graphx.errors import ActorNotFound, AmbiguousActor
from graphx.extraction.kb import normalize_name
from graphx.serve.network import read_actors, read_edges
from graphx.store import cypher

if TYPE_CHECKING:
    from graphx.store.base import GraphStore

# A fuzzy match this close resolves on its own; closer than SUGGEST it is only suggested.
ACCEPT = 0.88
SUGGEST = 0.6


@dataclass(frozen=True)
class Resolved:
    id: str
    name: str
    via: str  # how the name matched: id, name, alias, part of a name, or fuzzy


class ActorIndex:
    """Every name each stored actor goes by, folded for lookups."""

    def __init__(self, actors: dict[str, dict[str, Any]]) -> None:
        self.actors = actors
        self.by_form: dict[str, dict[str, str]] = defaultdict(dict)  # form -> {id: via}
        for actor_id, info in actors.items():
            self._add(actor_id, "id", actor_id)
            self._add(info.get("name") or actor_id, "name", actor_id)
            for alias in info.get("aliases") or []:
                self._add(alias, "alias", actor_id)

    def _add(self, text: str, via: str, actor_id: str) -> None:
        form = normalize_name(text.replace("_", " "))
        if form:
            self.by_form[form].setdefault(actor_id, via)

    def resolve(self, text: str) -> Resolved:
        query = normalize_name(text.replace("_", " "))
        if not query:
            raise ActorNotFound(f"{text!r}: not an actor name")
        exact = self.by_form.get(query, {})
        if len(exact) == 1:
            ((actor_id, via),) = exact.items()
            return Resolved(actor_id, self._name(actor_id), via)
        if exact:
            raise self._ambiguous(text, exact)
        partial = {
            actor_id: "part of a name"
            for form, ids in self.by_form.items()
            if f" {query} " in f" {form} "
            for actor_id in ids
        }
        if len(partial) == 1:
            ((actor_id, via),) = partial.items()
            return Resolved(actor_id, self._name(actor_id), via)
        if partial:
            raise self._ambiguous(text, partial)
        scored = self._fuzzy(query)
        if (
            scored
            and scored[0][0] >= ACCEPT
            and (len(scored) == 1 or scored[1][0] < scored[0][0] - 0.03)
        ):
            actor_id = scored[0][1]
            return Resolved(actor_id, self._name(actor_id), "fuzzy")
        suggestions = [self._label(actor_id) for score, actor_id in scored if score >= SUGGEST][:5]
        if suggestions:
            raise ActorNotFound(f"no actor named {text!r}; did you mean {_either(suggestions)}?")
        raise ActorNotFound(f"no actor named {text!r} in the store")

    def _fuzzy(self, query: str) -> list[tuple[float, str]]:
        best: dict[str, float] = {}
        matcher = difflib.SequenceMatcher(autojunk=False)
        matcher.set_seq2(query)
        for form, ids in self.by_form.items():
            matcher.set_seq1(form)
            if matcher.real_quick_ratio() < SUGGEST or matcher.quick_ratio() < SUGGEST:
                continue
            score = matcher.ratio()
            for actor_id in ids:
                best[actor_id] = max(score, best.get(actor_id, 0.0))
        return sorted(((score, actor_id) for actor_id, score in best.items()), reverse=True)

    def _name(self, actor_id: str) -> str:
        return (self.actors.get(actor_id) or {}).get("name") or actor_id

    def names(self, actor_ids: Iterable[str]) -> dict[str, str]:
        """id -> display name, for every actor a result shows."""
        return {actor_id: self._name(actor_id) for actor_id in actor_ids}

    def _label(self, actor_id: str) -> str:
        return f"{self._name(actor_id)} ({actor_id})"

    def _ambiguous(self, text: str, ids: dict[str, str]) -> AmbiguousActor:
        labels = sorted(self._label(actor_id) for actor_id in ids)
        shown = ", ".join(labels[:8]) + (f" and {len(labels) - 8} more" if len(labels) > 8 else "")
        return AmbiguousActor(f"{text!r} is ambiguous: {shown}; use a fuller name or an id")


def _either(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def resolve_actor(store: GraphStore, name: str) -> Resolved:
    return ActorIndex(read_actors(store)).resolve(name)


# ----------------------------------------------------------------------------- results
@dataclass
class RelationSummary:
    source: str
    relation: str
    target: str
    mentions: int
    documents: int
    sources: int
    first_date: str | None
    last_date: str | None
    weight: float
    kb: bool

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class ActorProfile:
    id: str
    name: str
    type: str
    aliases: list[str]
    country: str | None
    provisional: bool
    parents: list[str]
    outgoing: list[RelationSummary]
    incoming: list[RelationSummary]
    evidence: list[dict[str, Any]]
    names: dict[str, str] = field(default_factory=dict)  # id -> name of every actor shown

    def as_dict(self) -> dict[str, Any]:
        out = {k: v for k, v in self.__dict__.items() if k not in ("outgoing", "incoming")}
        out["outgoing"] = [r.as_dict() for r in self.outgoing]
        out["incoming"] = [r.as_dict() for r in self.incoming]
        return out


def _summaries(edges: list[tuple[str, str, str, dict[str, Any]]]) -> list[RelationSummary]:
    rows = [RelationSummary(s, r, t, **props) for s, r, t, props in edges]
    return sorted(rows, key=lambda r: (-r.documents, -r.mentions, r.relation, r.source, r.target))


def actor_profile(store: GraphStore, name: str, evidence: int = 5) -> ActorProfile:
    """Who the actor is, its relations in and out (count, date range) and its best-attested
    evidence sentences."""
    actors = read_actors(store)
    index = ActorIndex(actors)
    actor = index.resolve(name)
    info = actors[actor.id]
    edges = read_edges(store, [actor.id])
    outgoing = [e for e in edges if e[0] == actor.id]
    incoming = [e for e in edges if e[2] == actor.id and e[0] != actor.id]
    parents = sorted(t for s, r, t, p in outgoing if r == "part_of" and p["kb"])
    rows = store.query(cypher.TOP_EVIDENCE_OF_ACTOR, {"id": actor.id, "limit": evidence}).records()
    for row in rows:
        del row["sort_date"]
    shown = {actor.id} | {e[0] for e in incoming} | {e[2] for e in outgoing}
    return ActorProfile(
        id=actor.id,
        name=info.get("name") or actor.id,
        type=info.get("type") or "unknown",
        aliases=list(info.get("aliases") or []),
        country=info.get("country"),
        provisional=bool(info.get("provisional")),
        parents=parents,
        outgoing=_summaries(outgoing),
        incoming=_summaries(incoming),
        evidence=rows,
        names=index.names(shown),
    )


@dataclass
class Between:
    a: Resolved
    b: Resolved
    relations: list[RelationSummary]
    evidence: list[dict[str, Any]]

    def as_dict(self) -> dict[str, Any]:
        return {
            "a": self.a.__dict__,
            "b": self.b.__dict__,
            "relations": [r.as_dict() for r in self.relations],
            "evidence": self.evidence,
        }


def between(store: GraphStore, name_a: str, name_b: str) -> Between:
    """Every relation between two actors, both ways, with every evidence sentence by date."""
    index = ActorIndex(read_actors(store))
    a, b = index.resolve(name_a), index.resolve(name_b)
    pair = {a.id, b.id}
    edges = [e for e in read_edges(store, [a.id]) if {e[0], e[2]} == pair]
    rows = store.query(cypher.EVIDENCE_AMONG_ACTORS, {"ids": sorted(pair)}).records()
    rows = [r for r in rows if {r["source"], r["target"]} == pair]
    rows.sort(key=lambda r: (r["date"] or "", r["doc"] or "", r["id"]))
    return Between(a, b, _summaries(edges), rows)


@dataclass
class Hop:
    source: str
    relation: str
    target: str
    documents: int  # how many documents state this hop's relation


@dataclass
class Paths:
    a: Resolved
    b: Resolved
    max_hops: int
    paths: list[list[Hop]]
    names: dict[str, str]

    def as_dict(self) -> dict[str, Any]:
        return {
            "a": self.a.__dict__,
            "b": self.b.__dict__,
            "max_hops": self.max_hops,
            "paths": [[hop.__dict__ for hop in path] for path in self.paths],
        }


def paths(store: GraphStore, name_a: str, name_b: str, max_hops: int = 4, limit: int = 10) -> Paths:
    """The shortest chains of relations linking two actors (either direction at each hop),
    up to `max_hops` long; each hop shows its strongest relation (stated in most documents)."""
    import networkx as nx

    index = ActorIndex(read_actors(store))
    a, b = index.resolve(name_a), index.resolve(name_b)
    strongest: dict[tuple[str, str], Hop] = {}
    for source, relation, target, props in read_edges(store):
        hop = Hop(source, relation, target, props["documents"])
        for key in ((source, target), (target, source)):
            if key not in strongest or strongest[key].documents < hop.documents:
                strongest[key] = hop
    graph = nx.Graph()
    graph.add_edges_from(strongest)
    found: list[list[Hop]] = []
    if a.id in graph and b.id in graph and a.id != b.id:
        try:
            for nodes in nx.all_shortest_paths(graph, a.id, b.id):
                if len(nodes) - 1 > max_hops:
                    break
                found.append([strongest[pair] for pair in pairwise(nodes)])
                if len(found) >= limit:
                    break
        except nx.NetworkXNoPath:
            pass
    shown = {n for path in found for hop in path for n in (hop.source, hop.target)}
    return Paths(a, b, max_hops, found, index.names(shown | {a.id, b.id}))


@dataclass
class TimelineRow:
    month: str
    source: str
    relation: str
    target: str
    count: int


@dataclass
class Timeline:
    actors: list[Resolved]
    rows: list[TimelineRow]
    names: dict[str, str]

    def as_dict(self) -> dict[str, Any]:
        return {
            "actors": [a.__dict__ for a in self.actors],
            "rows": [r.__dict__ for r in self.rows],
        }


def timeline(store: GraphStore, name_a: str, name_b: str | None = None) -> Timeline:
    """Mentions by month involving one actor (or between two), by relation and direction."""
    index = ActorIndex(read_actors(store))
    chosen = [index.resolve(name_a)] + ([index.resolve(name_b)] if name_b else [])
    ids = {r.id for r in chosen}
    statement = cypher.EVIDENCE_AMONG_ACTORS if name_b else cypher.EVIDENCE_OF_ACTORS
    tally: Counter[tuple[str, str, str, str]] = Counter()
    for row in store.query(statement, {"ids": sorted(ids)}).records():
        if name_b and {row["source"], row["target"]} != ids:
            continue
        month = (row["date"] or "undated")[:7]
        tally[(month, row["source"], row["relation"], row["target"])] += 1
    rows = [TimelineRow(*key, count) for key, count in sorted(tally.items())]
    shown = {x for r in rows for x in (r.source, r.target)} | ids
    return Timeline(chosen, rows, index.names(shown))
