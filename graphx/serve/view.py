"""Interactive HTML network views: one self-contained, offline UTF-8 file.

The page filters by relation type, dates and a fuzzy actor search (actors left without a
shown relation are hidden, the legend recounts, stale evidence leaves the panel), plays the
relations in month by month, links evidence to its document (http(s) only) and saves a PNG.
An empty selection is an error, never a blank page.

pyvis builds the nodes, edges and options; the page comes from graphx's own Jinja template
with autoescaping, because pyvis 0.3.2's stock template escapes nothing (a node id, the
heading or a title can run script) and loads Bootstrap from a CDN even "in line". pyvis's
`show()`/`write_html()` are not used: the file is written here, as UTF-8.

Up to PHYSICS_LIMIT actors the browser lays the graph out (seeded physics, then frozen);
beyond, positions come from python-igraph and physics, edge labels and edges-while-dragging
are off.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from graphx.errors import ViewError
from graphx.extraction.kb import normalize_name
from graphx.models import RELATION_TYPES
from graphx.serve.network import Selection, folded_into, read_network
from graphx.store import cypher
from graphx.store.rows import EDGE_LABELS

if TYPE_CHECKING:
    import networkx as nx

    from graphx.store.base import GraphStore

PHYSICS_LIMIT = 300
WARN_LIMIT = 10_000
LAYOUT_SEED = 7
EVIDENCE_PER_EDGE = 5
# A label is drawn once its on-screen font size reaches this; node fonts run 14-32 px, so at
# half size every label shows and at a third only the larger actors' do.
LABEL_DRAW_THRESHOLD = 8
FIT_MARGIN = 0.92  # the fitted zoom, shrunk so nodes and labels keep clear of the canvas edge
MAX_FIT_SCALE = 1.5  # a graph of two actors is not blown up to fill the screen
PLAY_INTERVAL_MS = 700
# The page's typo tolerance: 1 - edit distance / length, like the CLI's difflib ACCEPT; names
# scoring within SEARCH_TIE of the best all match.
SEARCH_ACCEPT = 0.8
SEARCH_TIE = 0.03
SEARCH_PREFIX_MIN = 5  # a typo is looked for in a name's beginning from this many letters

RELATION_COLORS = {
    "supports": "#2e7d32",
    "opposes": "#ef6c00",
    "strikes": "#c62828",
    "votes_against": "#8e24aa",
    "demands_withdrawal": "#6d4c41",
    "threatens": "#d81b60",
    "negotiates": "#1e88e5",
    "part_of": "#757575",
    "leads": "#00897b",
}
TYPE_COLORS = {
    "state": "#5c6bc0",
    "government_body": "#26a69a",
    "legislature": "#9ccc65",
    "armed_group": "#ef5350",
    "state_forces": "#3949ab",
    "coalition": "#ffa726",
    "political_bloc": "#ab47bc",
    "organization": "#8d6e63",
    "person": "#29b6f6",
    "population": "#bdbdbd",
}
OTHER_TYPE_COLOR = "#90a4ae"


@dataclass
class View:
    html: str
    nodes: int
    edges: int
    physics: bool
    warnings: list[str] = field(default_factory=list)


def build_view(
    store: GraphStore,
    selection: Selection | None = None,
    title: str = "graphx network",
    evidence_per_edge: int = EVIDENCE_PER_EDGE,
) -> View:
    """The selected part of the stored graph as an interactive page."""
    selection = selection or Selection()
    graph = read_network(store, selection)
    if not graph.number_of_edges():
        # a page with nothing on it looks like a broken view, not like an empty selection
        raise ViewError(f"nothing to show: {describe_selection(selection)}")
    mentions = edge_mentions(store, graph, selection)
    return render_view(graph, mentions, title, evidence_per_edge)


def describe_selection(selection: Selection) -> str:
    """Why a selection came out empty, in the options an analyst typed."""
    asked = []
    if selection.actor:
        asked.append(f"--actor {selection.actor} --hops {selection.hops}")
    if selection.relations:
        asked.append(f"--relation {','.join(selection.relations)}")
    if selection.since:
        asked.append(f"--since {selection.since}")
    if selection.until:
        asked.append(f"--until {selection.until}")
    if selection.min_count:
        asked.append(f"--min-count {selection.min_count}")
    if not asked:
        return "the store holds no relations"
    return f"no relation matches {' '.join(asked)}"


def edge_mentions(
    store: GraphStore, graph: nx.MultiDiGraph, selection: Selection
) -> dict[tuple[str, str, str], list[dict[str, Any]]]:
    """Every (non-negated) mention behind each edge of `graph`, inside the selection's dates
    (with `rollup`, the mentions of the actors folded into each node: "US forces" strike
    evidence is the United States' edge's)."""
    if not graph.number_of_edges():
        return {}
    wanted = {(s, r, t) for s, t, r in graph.edges(keys=True)}
    into = folded_into(graph)
    rows = store.query(cypher.VIEW_EVIDENCE_AMONG_ACTORS, {"ids": sorted(into)}).records()
    grouped: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        key = (into[row["source"]], row["relation"], into[row["target"]])
        if key in wanted and selection.in_range(row["date"]):
            grouped[key].append(row)
    return grouped


def render_view(
    graph: nx.MultiDiGraph,
    mentions: dict[tuple[str, str, str], list[dict[str, Any]]],
    title: str = "graphx network",
    evidence_per_edge: int = EVIDENCE_PER_EDGE,
) -> View:
    """`graph` as a page; `mentions` holds each edge's evidence rows, keyed (source, relation,
    target). An empty graph renders (an empty page is refused earlier, by build_view)."""
    from pyvis.edge import Edge
    from pyvis.network import Network
    from pyvis.node import Node

    count = graph.number_of_nodes()
    physics = count <= PHYSICS_LIMIT
    warnings = []
    if count > WARN_LIMIT:
        warnings.append(
            f"{count} actors: the page may be slow; narrow it with --actor/--hops, "
            "--relation, --since/--until or --min-count"
        )
    sizes = _sizes(graph)
    positions = {} if physics else _layout(graph)

    network = Network(directed=True)
    for node, data in sorted(graph.nodes(data=True)):
        kind = data.get("type") or "unknown"
        options: dict[str, Any] = {
            "label": data.get("name") or node,
            "title": f"{data.get('name') or node} ({kind})",  # vis shows strings as text
            "color": TYPE_COLORS.get(kind, OTHER_TYPE_COLOR),
            "size": sizes[node],
            "shape": "dot",
            "actor_type": kind,
            "aliases": list(data.get("aliases") or []),
            "forms": _search_forms(node, data),
            # bigger actors get bigger labels, so they stay readable when zoomed out
            "font": {"size": round(8 + 0.6 * sizes[node])},
            "country": data.get("country"),
            "provisional": bool(data.get("provisional")),
        }
        if positions:
            options["x"], options["y"] = positions[node]
        # pyvis's Node and Edge build the records; add_node/add_edge are bypassed because
        # their duplicate checks walk a list per call (2.3 s for 12,000 actors), and
        # networkx already guarantees unique nodes and keyed edges.
        built = Node(node, options.pop("shape"), label=options.pop("label"), **options).options
        network.nodes.append(built)
        network.node_ids.append(node)
        network.node_map[node] = built
    for number, (source, target, relation, data) in enumerate(_ordered_edges(graph)):
        rows = mentions.get((source, relation, target), [])
        counted = edge_counts(data, rows)
        edge = {
            "id": f"e{number}",
            "relation": relation,
            "color": RELATION_COLORS[relation],
            # width from documents: one story repeated in three paragraphs is still one story
            "width": 1 + math.log2(1 + counted["documents"]),
            **counted,
            "first_date": data.get("first_date"),
            "last_date": data.get("last_date"),
            "kb": bool(data.get("kb")),
            "dates": sorted({row["date"] for row in rows if row.get("date")}),
            "evidence": [_evidence(row) for row in sorted(rows, key=_rank)[:evidence_per_edge]],
            "dashes": bool(data.get("kb")) and not counted["mentions"],
            "title": _edge_tooltip(relation, counted),
        }
        if physics:
            edge["label"] = relation.replace("_", " ")
        network.edges.append(Edge(source, target, directed=True, **edge).options)
    _spread_parallel_edges(network.edges)

    network.toggle_physics(physics)
    if physics:
        network.barnes_hut(gravity=-6000, spring_length=160, overlap=0.2)
    options = json.loads(network.options.to_json())
    page = _template().render(
        title=title,
        vis_js=_vis_js(),
        data={
            "title": title,
            "physics": physics,
            "seed": LAYOUT_SEED,
            "label_threshold": LABEL_DRAW_THRESHOLD,
            "fit_margin": FIT_MARGIN,
            "max_fit_scale": MAX_FIT_SCALE,
            "play_interval_ms": PLAY_INTERVAL_MS,
            "search": {
                "accept": SEARCH_ACCEPT,
                "tie": SEARCH_TIE,
                "prefix_min": SEARCH_PREFIX_MIN,
            },
            "nodes": network.nodes,
            "edges": network.edges,
            "options": options,
            "relations": [
                {"name": r, "label": r.replace("_", " "), "color": RELATION_COLORS[r]}
                for r in RELATION_TYPES
            ],
            "types": [
                {"name": t, "label": t.replace("_", " "), "color": c}
                for t, c in [*TYPE_COLORS.items(), ("unknown", OTHER_TYPE_COLOR)]
            ],
        },
    )
    return View(page, count, len(network.edges), physics, warnings)


def write_view(view: View, path: str | Path) -> Path:
    """Write the page to `path` as UTF-8; a failure is a ViewError naming the file."""
    target = Path(path)
    try:
        target.write_text(view.html, encoding="utf-8")
    except OSError as exc:
        raise ViewError(f"{target}: cannot write ({exc.strerror or exc})") from exc
    return target


def edge_counts(data: dict[str, Any], rows: list[dict[str, Any]]) -> dict[str, int | None]:
    """An edge's mentions, documents and sources (distinct outlets; None when unknown).

    The stored edge's own numbers come first; an edge read from an older store, which has
    only `count`, is counted from its evidence rows (outlet, else the url's host)."""
    mentions = data.get("mentions", data.get("count"))
    documents = data.get("documents")
    if documents is None:
        documents = len({row.get("doc") for row in rows if row.get("doc") is not None})
    sources = data.get("sources")
    if sources is None and rows:
        outlets = {row.get("outlet") or _host(row.get("url")) for row in rows}
        sources = len(outlets - {None, ""})
    return {
        "mentions": int(mentions or 0),
        "documents": int(documents or 0),
        "sources": None if sources is None else int(sources),
    }


def _edge_tooltip(relation: str, counted: dict[str, int | None]) -> str:
    parts = [f"{counted['mentions']} mention(s)", f"{counted['documents']} document(s)"]
    if counted["sources"] is not None:
        parts.append(f"{counted['sources']} source(s)")
    return f"{relation.replace('_', ' ')}: {', '.join(parts)}"


def _host(url: str | None) -> str | None:
    if not url:
        return None
    try:
        return urlsplit(url).hostname
    except ValueError:
        return None


def _link(url: str | None) -> str | None:
    """`url` when a browser may follow it (http or https with a host), else None: a
    javascript: or data: URL in a document's metadata must never become a link."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.hostname else None


def _search_forms(node: str, data: dict[str, Any]) -> list[str]:
    """Every name the actor goes by, folded as the CLI folds them (kb.normalize_name)."""
    names = [node.replace("_", " "), data.get("name") or node, *(data.get("aliases") or [])]
    return sorted({form for form in map(normalize_name, names) if form})


def _ordered_edges(graph: nx.MultiDiGraph) -> list[tuple[str, str, str, dict[str, Any]]]:
    order = {relation: number for number, relation in enumerate(EDGE_LABELS)}
    edges = [(s, t, r, d) for s, t, r, d in graph.edges(keys=True, data=True)]
    return sorted(edges, key=lambda e: (e[0], e[1], order[e[2]]))


def _spread_parallel_edges(edges: list[dict[str, Any]]) -> None:
    """Edges between the same two actors (either way) get their own curves, drawn apart."""
    by_pair: dict[frozenset[str], list[dict[str, Any]]] = defaultdict(list)
    for edge in edges:
        by_pair[frozenset((edge["from"], edge["to"]))].append(edge)
    for group in by_pair.values():
        if len(group) == 1:
            group[0]["smooth"] = {"enabled": False}
            continue
        for number, edge in enumerate(group):
            edge["smooth"] = {
                "enabled": True,
                "type": "curvedCW" if number % 2 == 0 else "curvedCCW",
                "roundness": 0.12 + 0.12 * (number // 2),
            }


def _sizes(graph: nx.MultiDiGraph) -> dict[str, float]:
    """Node sizes from PageRank over mention counts (10 to 40 pixels)."""
    from graphx.serve.analytics import collapsed, pagerank

    rank = pagerank(collapsed(graph))
    top = max(rank.values(), default=0.0) or 1.0
    return {node: round(10 + 30 * math.sqrt(rank[node] / top), 1) for node in rank}


def _layout(graph: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """Fruchterman-Reingold positions from python-igraph (seeded), spread to the node count."""
    import random

    import igraph

    nodes = sorted(graph.nodes)
    index = {node: number for number, node in enumerate(nodes)}
    pairs = {tuple(sorted((index[s], index[t]))) for s, t in graph.edges() if s != t}
    igraph.set_random_number_generator(random.Random(LAYOUT_SEED))
    try:
        layout = igraph.Graph(n=len(nodes), edges=sorted(pairs)).layout_fruchterman_reingold()
    finally:
        igraph.set_random_number_generator(random)
    coords = layout.coords
    left, top = min(c[0] for c in coords), min(c[1] for c in coords)
    span = max(max(c[0] for c in coords) - left, max(c[1] for c in coords) - top, 1e-9)
    scale = 45 * math.sqrt(len(nodes)) / span
    return {
        node: (round((x - left) * scale, 1), round((y - top) * scale, 1))
        for node, (x, y) in zip(nodes, coords, strict=True)
    }


def _rank(row: dict[str, Any]) -> tuple[float, str, str]:
    return (-(row.get("confidence") or 0.0), row.get("date") or "", row.get("id") or "")


def _evidence(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "sentence": row.get("sentence"),
        "doc": row.get("doc"),
        "title": row.get("title"),
        "url": row.get("url"),
        "link": _link(row.get("url")),
        "date": row.get("date"),
        "doc_date": row.get("doc_date"),
        "claimed_by": row.get("claimed_by"),
        "confidence": row.get("confidence"),
    }


@cache
def _template() -> Any:
    from jinja2 import Environment, PackageLoader, select_autoescape

    environment = Environment(
        loader=PackageLoader("graphx.serve", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )
    return environment.get_template("view.html.j2")


@cache
def _vis_js() -> Any:
    """vis-network's standalone bundle as shipped inside pyvis, to inline in the page."""
    from importlib.resources import files

    from markupsafe import Markup

    script = (files("pyvis") / "lib" / "vis-9.1.2" / "vis-network.min.js").read_text("utf-8")
    if "</script" in script.lower():
        raise ViewError("the vis-network bundle cannot be inlined: it contains '</script'")
    return Markup(script)  # a vetted library file, never user data
