"""Network analytics with networkx: who is central, which communities form, and the signed
network of cooperation and conflict.

The signed weight of a pair of actors adds, over both directions and every relation, the
lexicon's cooperation-conflict weight times the number of mentions (supports +6, strikes -10,
...). A positive pair is an alliance, a negative one a hostility. Camps are communities of
the alliance graph; structural balance theory calls a triangle unbalanced when the product of
its signs is negative ("A supports B, B supports C, A strikes C").
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

import networkx as nx

# Exact betweenness is O(nm) (11 s for 2,000 actors here); above this many actors it is
# estimated from a seeded sample of BETWEENNESS_SAMPLE sources.
EXACT_BETWEENNESS_LIMIT = 500
BETWEENNESS_SAMPLE = 300
SEED = 42


@dataclass
class Centrality:
    id: str
    name: str
    type: str
    degree: int
    in_degree: int
    out_degree: int
    mentions: int
    betweenness: float
    pagerank: float


@dataclass
class Camp:
    members: list[str]
    internal_weight: float


@dataclass
class Stats:
    actors: int
    edges: int
    mentions: int
    centrality: list[Centrality]
    communities: list[list[str]]
    camps: list[Camp]
    hostility_between_camps: list[dict[str, Any]]
    unbalanced_triads: list[dict[str, Any]]
    enemies_of_enemies: list[dict[str, Any]]
    names: dict[str, str] = field(default_factory=dict)
    betweenness_sampled: bool = False

    def as_dict(self) -> dict[str, Any]:
        out = dict(self.__dict__)
        out["centrality"] = [c.__dict__ for c in self.centrality]
        out["camps"] = [c.__dict__ for c in self.camps]
        return out


def signed_weights(graph: nx.MultiDiGraph) -> dict[frozenset[str], float]:
    """Cooperation minus conflict for each pair of actors, over both directions, each relation
    weighted by the documents stating it (an event repeated inside one article counts once).
    Knowledge-base memberships (part_of with no mention) count once, as the relation's weight."""
    pairs: dict[frozenset[str], float] = defaultdict(float)
    for source, target, data in graph.edges(data=True):
        if source == target:
            continue
        documents = data.get("documents") or (1 if data.get("kb") else 0)
        pairs[frozenset((source, target))] += float(data.get("weight") or 0.0) * documents
    return dict(pairs)


def collapsed(graph: nx.MultiDiGraph) -> nx.DiGraph:
    """One edge per ordered pair of actors, weighted by the documents of all its relations (a
    knowledge-base membership with none counts 1); self-loops dropped."""
    simple = nx.DiGraph()
    simple.add_nodes_from(graph.nodes)
    for source, target, data in graph.edges(data=True):
        if source == target:
            continue
        weight = max(int(data.get("documents") or 0), 1)
        if simple.has_edge(source, target):
            simple[source][target]["weight"] += weight
        else:
            simple.add_edge(source, target, weight=weight)
    return simple


def pagerank(simple: nx.DiGraph) -> dict[str, float]:
    return nx.pagerank(simple, weight="weight") if simple.number_of_nodes() else {}


def compute_stats(graph: nx.MultiDiGraph, top: int = 20, limit: int = 50) -> Stats:
    """Centralities for the `top` actors by PageRank, communities, camps and balance."""
    names = {node: graph.nodes[node].get("name") or node for node in graph.nodes}
    simple = collapsed(graph)
    undirected = simple.to_undirected()
    ranks = pagerank(simple)
    sampled = undirected.number_of_nodes() > EXACT_BETWEENNESS_LIMIT
    betweenness = nx.betweenness_centrality(
        undirected, k=BETWEENNESS_SAMPLE if sampled else None, seed=SEED
    )
    mentions: dict[str, int] = defaultdict(int)
    for source, target, data in graph.edges(data=True):
        mentions[source] += int(data.get("mentions") or 0)
        mentions[target] += int(data.get("mentions") or 0)
    ranked = sorted(graph.nodes, key=lambda n: (-ranks.get(n, 0.0), n))[:top]
    centrality = [
        Centrality(
            id=node,
            name=names[node],
            type=graph.nodes[node].get("type") or "unknown",
            degree=undirected.degree(node),
            in_degree=simple.in_degree(node),
            out_degree=simple.out_degree(node),
            mentions=mentions[node],
            betweenness=round(betweenness.get(node, 0.0), 6),
            pagerank=round(ranks.get(node, 0.0), 6),
        )
        for node in ranked
    ]

    communities = []
    if undirected.number_of_edges():
        found = nx.community.louvain_communities(undirected, weight="weight", seed=SEED)
        communities = [sorted(c) for c in sorted(found, key=lambda c: (-len(c), sorted(c)))]
        communities = [c for c in communities if len(c) > 1][:limit]

    signed = signed_weights(graph)
    camps, between_camps = _camps(signed, limit)
    return Stats(
        actors=graph.number_of_nodes(),
        edges=graph.number_of_edges(),
        mentions=sum(int(d.get("mentions") or 0) for _, _, d in graph.edges(data=True)),
        centrality=centrality,
        communities=communities,
        camps=camps,
        hostility_between_camps=between_camps,
        unbalanced_triads=unbalanced_triads(graph, signed, limit),
        enemies_of_enemies=enemies_of_enemies(signed, limit),
        names=names,
        betweenness_sampled=sampled,
    )


def _camps(
    signed: dict[frozenset[str], float], limit: int
) -> tuple[list[Camp], list[dict[str, Any]]]:
    """Communities of the alliance graph (positive pairs), and the net weight between them."""
    allied = nx.Graph()
    for pair, weight in signed.items():
        if weight > 0:
            allied.add_edge(*pair, weight=weight)
    if not allied.number_of_edges():
        return [], []
    found = nx.community.louvain_communities(allied, weight="weight", seed=SEED)
    ordered = sorted((sorted(c) for c in found if len(c) > 1), key=lambda c: (-len(c), c))
    camp_of = {member: number for number, members in enumerate(ordered) for member in members}
    internal: dict[int, float] = defaultdict(float)
    across: dict[tuple[int, int], float] = defaultdict(float)
    for pair, weight in signed.items():
        a, b = sorted(pair)
        ca, cb = camp_of.get(a), camp_of.get(b)
        if ca is None or cb is None:
            continue
        if ca == cb:
            internal[ca] += weight
        else:
            across[(min(ca, cb), max(ca, cb))] += weight
    camps = [Camp(members, round(internal[n], 2)) for n, members in enumerate(ordered)][:limit]
    hostile = [
        {"camp_a": a + 1, "camp_b": b + 1, "weight": round(weight, 2)}
        for (a, b), weight in sorted(across.items(), key=lambda item: item[1])
        if weight < 0 and a < limit and b < limit
    ][:limit]
    return camps, hostile


def unbalanced_triads(
    graph: nx.MultiDiGraph, signed: dict[frozenset[str], float], limit: int
) -> list[dict[str, Any]]:
    """Triangles whose signs multiply to a negative number, each with its three signed pairs."""
    signs = nx.Graph()
    for pair, weight in signed.items():
        if weight:
            signs.add_edge(*pair, sign=1 if weight > 0 else -1, weight=weight)
    out = []
    for a in sorted(signs.nodes):
        for b, c in combinations(sorted(n for n in signs[a] if n > a), 2):
            if not signs.has_edge(b, c):
                continue
            product = signs[a][b]["sign"] * signs[b][c]["sign"] * signs[a][c]["sign"]
            if product < 0:
                out.append(
                    {
                        "actors": [a, b, c],
                        "pairs": {
                            f"{a}~{b}": round(signs[a][b]["weight"], 2),
                            f"{b}~{c}": round(signs[b][c]["weight"], 2),
                            f"{a}~{c}": round(signs[a][c]["weight"], 2),
                        },
                    }
                )
                if len(out) >= limit:
                    return out
    return out


def enemies_of_enemies(signed: dict[frozenset[str], float], limit: int) -> list[dict[str, Any]]:
    """Pairs with a common enemy, and how they stand with each other (allied, hostile, or
    unrelated: a possible alignment)."""
    hostile: dict[str, set[str]] = defaultdict(set)
    for pair, weight in signed.items():
        if weight < 0:
            a, b = sorted(pair)
            hostile[a].add(b)
            hostile[b].add(a)
    found: dict[tuple[str, str], list[str]] = defaultdict(list)
    for common, enemies in hostile.items():
        for a, b in combinations(sorted(enemies), 2):
            found[(a, b)].append(common)
    rows = []
    for (a, b), commons in found.items():
        weight = signed.get(frozenset((a, b)), 0.0)
        stance = "allied" if weight > 0 else "hostile" if weight < 0 else "unrelated"
        rows.append({"a": a, "b": b, "common_enemies": sorted(commons), "stance": stance})
    rows.sort(key=lambda r: (-len(r["common_enemies"]), r["a"], r["b"]))
    return rows[:limit]
