"""The stored graph as a networkx MultiDiGraph, for views, analytics and exports.

Nodes are actor ids with their properties; edges are the aggregated typed edges, keyed by
relation, with their counts (mentions, documents, sources: see graph_rows), first and last
date, weight (the lexicon's cooperation-conflict score) and kb (a knowledge-base membership).
A `Selection` narrows it the way an analyst asks: an actor's neighbourhood, some relation
types, a date range, a minimum mention count.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from graphx.errors import SelectionError
from graphx.models import RELATION_TYPES
from graphx.store import cypher
from graphx.store.rows import EDGE_COUNTS, widen

if TYPE_CHECKING:
    import networkx as nx

    from graphx.store.base import GraphStore


@dataclass(frozen=True)
class Selection:
    """Which part of the graph to show or measure. Dates compare as ISO prefixes, so
    `since="2020"` keeps edges whose last mention is in 2020 or later."""

    actor: str | None = None  # an actor id (already resolved)
    hops: int = 1
    relations: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    min_count: int = 0
    rollup: bool = False  # count each state's forces and government bodies as the state

    @property
    def dated(self) -> bool:
        return bool(self.since or self.until)

    def in_range(self, date: str | None) -> bool:
        if not date:
            return not self.dated  # undated mentions fall outside any date range
        if self.since and date < self.since:
            return False
        return not (self.until and date[: len(self.until)] > self.until)

    def keeps(self, relation: str, edge: dict[str, Any]) -> bool:
        if self.relations and relation not in self.relations:
            return False
        return edge["mentions"] >= self.min_count


def parse_relations(text: str | None) -> tuple[str, ...]:
    """'strikes,opposes' -> ('strikes', 'opposes'); unknown names are an error naming them."""
    if not text:
        return ()
    names = tuple(part.strip().lower() for part in text.split(",") if part.strip())
    unknown = [name for name in names if name not in RELATION_TYPES]
    if unknown:
        raise SelectionError(
            f"unknown relation type {', '.join(map(repr, unknown))}; "
            f"choose from {', '.join(RELATION_TYPES)}"
        )
    return names


_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def check_date(option: str, value: str | None) -> str | None:
    """An ISO date or prefix (YYYY, YYYY-MM, YYYY-MM-DD), else an error naming the option."""
    if value is None:
        return None
    text = value.strip()
    if not _DATE.match(text) or not _real_date(text):
        raise SelectionError(f"{option} {value!r}: expected YYYY, YYYY-MM or YYYY-MM-DD")
    return text


def _real_date(text: str) -> bool:
    """Whether a date-shaped text names a real month and day (not 2024-13 or 2023-02-30)."""
    import datetime

    parts = [int(part) for part in text.split("-")]
    try:
        datetime.date(
            parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1
        )
    except ValueError:
        return False
    return True


def read_actors(store: GraphStore) -> dict[str, dict[str, Any]]:
    return {row["id"]: row for row in store.query(cypher.ACTORS).records()}


def read_edges(
    store: GraphStore, actor_ids: Iterable[str] | None = None
) -> list[tuple[str, str, str, dict[str, Any]]]:
    """(source, relation, target, properties) for every typed edge, or for the edges
    touching `actor_ids`."""
    if actor_ids is None:
        rows = store.query(cypher.EDGES_ALL).records()
    else:
        rows = store.query(cypher.EDGES_TOUCHING, {"ids": sorted(set(actor_ids))}).records()
    return [
        (
            row["source"],
            row["relation"],
            row["target"],
            {
                **{name: int(row[name] or 0) for name in EDGE_COUNTS},
                "first_date": row["first_date"],
                "last_date": row["last_date"],
                "weight": float(row["weight"] or 0.0),
                "kb": bool(row["kb"]),
            },
        )
        for row in rows
    ]


def edges_from_mentions(
    store: GraphStore,
    selection: Selection,
    weights: dict[str, float],
    rollup: Mapping[str, str] | None = None,
) -> list[tuple[str, str, str, dict[str, Any]]]:
    """Edges counted again from the mentions: only those dated inside the selection's range
    (when it has one), and with each end replaced by what `rollup` maps it to (when given),
    so counts and first/last dates describe that period and those actors exactly (a
    document stating both "US forces" and "the United States" strike a target is one
    document of the rolled-up edge, not two). An edge a rollup turns into a self-loop (the
    Pentagon and US forces) goes."""
    tallies: dict[tuple[str, str, str], dict[str, Any]] = {}
    documents: dict[tuple[str, str, str], set[str]] = {}
    outlets: dict[tuple[str, str, str], set[str]] = {}
    for row in store.query(cypher.MENTION_KEYS_AND_DATES).records():
        if not selection.in_range(row["date"]):
            continue
        source, target = row["source"], row["target"]
        if rollup is not None:
            source, target = rollup.get(source, source), rollup.get(target, target)
            if source == target:
                continue
        key = (source, row["relation"], target)
        edge = tallies.setdefault(
            key,
            {
                **dict.fromkeys(EDGE_COUNTS, 0),
                "first_date": None,
                "last_date": None,
                "weight": weights.get(row["relation"], 0.0),
                "kb": False,
            },
        )
        widen(edge, 1, row["date"], row["date"])
        documents.setdefault(key, set()).add(row["doc"])
        if row["outlet"]:
            outlets.setdefault(key, set()).add(row["outlet"])
    for key, edge in tallies.items():
        edge["documents"] = len(documents[key])
        edge["sources"] = len(outlets.get(key, ()))
    return [(s, r, t, props) for (s, r, t), props in tallies.items()]


def _rolled_up_memberships(
    store: GraphStore, rollup: Mapping[str, str], edges: list[tuple[str, str, str, dict[str, Any]]]
) -> list[tuple[str, str, str, dict[str, Any]]]:
    """The knowledge base's memberships no text states, between rolled-up actors (a
    membership inside one state, the Pentagon's in the United States, goes)."""
    stated = {(s, t) for s, r, t, _ in edges if r == "part_of"}
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for source, relation, target, props in read_edges(store):
        if relation != "part_of" or not props["kb"] or props["mentions"]:
            continue
        pair = (rollup.get(source, source), rollup.get(target, target))
        if pair[0] != pair[1] and pair not in stated:
            found.setdefault(pair, props)
    return [(s, "part_of", t, props) for (s, t), props in found.items()]


def read_network(store: GraphStore, selection: Selection | None = None) -> nx.MultiDiGraph:
    """The selected part of the stored graph. Actors without a selected edge are left out,
    except the selected actor itself. With a date range, edges are counted from the
    mentions inside it (knowledge-base links, which have no date, drop out). With `rollup`,
    each state's forces and government bodies count as the state (KnowledgeBase.rollup):
    edges are counted again from the mentions between the rolled-up actors, and a node
    lists the actors folded into it in `rolled_up`."""
    import networkx as nx

    selection = selection or Selection()
    actors = read_actors(store)
    rollup = (
        {actor_id: row.get("rollup") or actor_id for actor_id, row in actors.items()}
        if selection.rollup
        else None
    )
    if selection.dated or rollup is not None:
        from graphx.extraction.lexicon import load_lexicon

        lexicon = load_lexicon()
        weights = {name: float(info.weight) for name, info in lexicon.relations.items()}
        edges = edges_from_mentions(store, selection, weights, rollup)
        if rollup is not None and not selection.dated:
            edges += _rolled_up_memberships(store, rollup, edges)
    else:
        edges = read_edges(store)
    if rollup is not None and selection.actor:
        selection = replace(selection, actor=rollup.get(selection.actor, selection.actor))
    graph = nx.MultiDiGraph()
    for source, relation, target, props in edges:
        if selection.keeps(relation, props):
            graph.add_edge(source, target, key=relation, relation=relation, **props)
    if selection.actor:
        if selection.actor not in graph:
            graph.add_node(selection.actor)
        reach = nx.single_source_shortest_path_length(
            graph.to_undirected(as_view=True), selection.actor, cutoff=selection.hops
        )
        graph = graph.subgraph(reach).copy()
    for node in graph.nodes:
        info = actors.get(node) or {"name": node, "type": "unknown"}
        graph.nodes[node].update(
            name=info.get("name") or node,
            type=info.get("type") or "unknown",
            aliases=list(info.get("aliases") or []),
            country=info.get("country"),
            provisional=bool(info.get("provisional")),
        )
    if rollup is not None:
        members = {a: into for a, into in rollup.items() if into != a and into in graph}
        folded: dict[str, list[str]] = {}
        for actor_id, into in members.items():
            folded.setdefault(into, []).append(actors[actor_id].get("name") or actor_id)
        for node in graph.nodes:
            graph.nodes[node]["rolled_up"] = sorted(folded.get(node, []))
        graph.graph["folded_into"] = members  # for folded_into: no second read of the actors
    return graph


def folded_into(graph: nx.MultiDiGraph) -> dict[str, str]:
    """Each actor whose mentions stand behind a node of `graph` (as `read_network` made it),
    mapped to that node: the node itself, and in a rolled-up network also the actors folded
    into it (US forces -> United States), so evidence and events can be read for it."""
    return {**{node: node for node in graph.nodes}, **graph.graph.get("folded_into", {})}
