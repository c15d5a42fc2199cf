"""The stored graph as a networkx MultiDiGraph, for views, analytics and exports.

Nodes are actor ids with their properties; edges are the aggregated typed edges, keyed by
relation, with count, first and last date, weight (the lexicon's cooperation-conflict score)
and kb (a knowledge-base membership). A `Selection` narrows it the way an analyst asks:
an actor's neighbourhood, some relation types, a date range, a minimum mention count.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from graphx import cypher_statements as cypher
from graphx.errors import GraphxError
from graphx.graph_rows import widen
from graphx.models import RELATION_TYPES

if TYPE_CHECKING:
    import networkx as nx

    from graphx.stores import GraphStore


class SelectionError(GraphxError):
    """A selection option has a value graphx cannot use."""

    exit_code = 2


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
        return edge["count"] >= self.min_count


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
    if not _DATE.match(value.strip()):
        raise SelectionError(f"{option} {value!r}: expected YYYY, YYYY-MM or YYYY-MM-DD")
    return value.strip()


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
                "count": int(row["count"] or 0),
                "first_date": row["first_date"],
                "last_date": row["last_date"],
                "weight": float(row["weight"] or 0.0),
                "kb": bool(row["kb"]),
            },
        )
        for row in rows
    ]


def edges_in_range(
    store: GraphStore, selection: Selection, weights: dict[str, float]
) -> list[tuple[str, str, str, dict[str, Any]]]:
    """Edges counted again from the mentions dated inside the selection's range, so counts
    and first/last dates describe that period only."""
    tallies: dict[tuple[str, str, str], dict[str, Any]] = {}
    for row in store.query(cypher.MENTION_KEYS_AND_DATES).records():
        if not selection.in_range(row["date"]):
            continue
        key = (row["source"], row["relation"], row["target"])
        edge = tallies.setdefault(
            key,
            {
                "count": 0,
                "first_date": None,
                "last_date": None,
                "weight": weights.get(row["relation"], 0.0),
                "kb": False,
            },
        )
        widen(edge, 1, row["date"], row["date"])
    return [(s, r, t, props) for (s, r, t), props in tallies.items()]


def read_network(store: GraphStore, selection: Selection | None = None) -> nx.MultiDiGraph:
    """The selected part of the stored graph. Actors without a selected edge are left out,
    except the selected actor itself. With a date range, edges are counted from the
    mentions inside it (knowledge-base links, which have no date, drop out)."""
    import networkx as nx

    selection = selection or Selection()
    actors = read_actors(store)
    if selection.dated:
        from graphx.lexicon import load_lexicon

        lexicon = load_lexicon()
        weights = {name: float(info.weight) for name, info in lexicon.relations.items()}
        edges = edges_in_range(store, selection, weights)
    else:
        edges = read_edges(store)
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
    return graph
