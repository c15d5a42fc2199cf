"""Exports of the actor graph for other tools, and of its events for event-data users.

Graph formats (`graphml`, `gexf`, `json` node-link, `csv` nodes.csv + edges.csv) hold one
edge per (source, relation, target) with these attributes:

    relation     the relation type (also the edge label)
    mentions     the sentences stating it: a headline, the lead and a later paragraph of one
                 article repeating one strike are three mentions
    documents    the distinct documents stating it (that strike is one)
    sources      the distinct outlets of those documents (0 when no document names its outlet)
    weight       `documents`, at least 1: positive, as Gephi needs, so an event repeated inside
                 one article counts once (a knowledge-base membership no text states gets 1)
    cooperation  the lexicon's signed cooperation-conflict score of the relation type (-10 ..
                 +10: strikes -10, supports +6); the sign Gephi's weight cannot carry
    first_date, last_date   the earliest and latest dated mention (ISO: YYYY, YYYY-MM or
                 YYYY-MM-DD, as precise as the text); empty when none is dated
    kb           the edge is a knowledge-base membership (PART_OF from the knowledge base)

GEXF adds what Gephi reads natively: the graph is `mode="dynamic"` with `timeformat="date"`,
each dated edge has `start`/`end` (its first/last dated mention; a YYYY or YYYY-MM date
becomes the first, resp. last, day of that period; undated edges have neither, so they are
always visible), and nodes and edges carry viz:color and nodes viz:size as in the HTML view.

`events` writes one CSV row per event: one relation between the same source and target
stated in one document on one date (a headline, lead and later paragraph repeating it are one
event with three mentions). Negated statements are no events. Columns:

    event_id        a stable hash of (document, source, relation, target, date)
    document, document_title, url, outlet   the document stating it
    date            the date of the event as stated (empty when undated)
    source_id, source_name, source_type, source_country    the actor acting
    relation        the relation type
    target_id, target_name, target_type, target_country    the actor acted upon
    plover, cameo   the lexicon's first PLOVER / CAMEO code of the relation type
    plover_codes, cameo_codes   all of them, joined by "; "
    cooperation     the signed cooperation-conflict score (as in the graph exports)
    mentions        the sentences of the document stating this event
    claimed_by      the ids of the actors the statement is attributed to, joined by "; "
    sentence        the earliest of those sentences in the document

CAMEO codes keep their leading zero ("05"): read them as text (pandas: dtype=str). The same
selection (relations, dates, actor and hops, minimum mentions) narrows graph and events alike:
an event is kept when its edge is in the selected graph and its date in the selected range.
"""

from __future__ import annotations

import calendar
import csv
import hashlib
import json
import os
import re
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from graphx.errors import ExportError
from graphx.store import cypher
from graphx.store.rows import EDGE_COUNTS

if TYPE_CHECKING:
    from graphx.extraction.lexicon import Lexicon
    from graphx.serve.network import Selection
    from graphx.store.base import GraphStore

GRAPH_FORMATS = ("graphml", "gexf", "json", "csv")
FORMATS = (*GRAPH_FORMATS, "events")
NODE_FIELDS = ("id", "name", "type", "aliases", "country", "provisional")
EDGE_FIELDS = (
    "source",
    "target",
    "relation",
    *EDGE_COUNTS,
    "weight",
    "cooperation",
    "first_date",
    "last_date",
    "kb",
)
EVENT_FIELDS = (
    "event_id",
    "document",
    "document_title",
    "date",
    "source_id",
    "source_name",
    "source_type",
    "source_country",
    "relation",
    "target_id",
    "target_name",
    "target_type",
    "target_country",
    "plover",
    "cameo",
    "plover_codes",
    "cameo_codes",
    "cooperation",
    "mentions",
    "claimed_by",
    "sentence",
    "url",
    "outlet",
)


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote: its files and how much of the graph went into them."""

    files: list[Path]
    actors: int
    relations: int
    events: int | None = None  # only for the events table

    def summary(self) -> str:
        """One line for the user: the files and what they hold."""
        files = ", ".join(map(str, self.files))
        if self.events is not None:
            return f"{files}: {self.events} events of {self.relations} relations"
        return f"{files}: {self.actors} actors, {self.relations} relations"


def export_store(
    store: GraphStore, selection: Selection, output_format: str, path: str | Path
) -> ExportResult:
    """Write the selected part of `store` to `path` in `output_format` (one of FORMATS)."""
    from graphx.serve.network import read_network

    if output_format not in FORMATS:
        raise ExportError(
            f"unknown export format {output_format!r}; choose from {', '.join(FORMATS)}"
        )
    graph = read_network(store, selection)
    if output_format == "events":
        events = read_events(store, graph, selection)
        written = write_events(events, path)
        return ExportResult(
            [written], graph.number_of_nodes(), graph.number_of_edges(), len(events)
        )
    files = export_graph(graph, output_format, path)
    return ExportResult(files, graph.number_of_nodes(), graph.number_of_edges())


# ----------------------------------------------------------------------------- graph formats
def export_graph(graph: nx.MultiDiGraph, output_format: str, path: str | Path) -> list[Path]:
    """Write `graph` (as `network.read_network` returns it) to `path` in `output_format`;
    returns the files written (CSV writes a folder with nodes.csv and edges.csv)."""
    target = Path(path)
    try:
        if output_format == "graphml":
            with _replacing(target) as partial:
                nx.write_graphml(_flat(graph), partial, encoding="utf-8")
            return [target]
        if output_format == "gexf":
            with _replacing(target) as partial:
                _write_gexf(graph, partial)
            return [target]
        if output_format == "json":
            data = nx.node_link_data(_flat(graph), edges="links")
            with _replacing(target) as partial:
                partial.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
            return [target]
        if output_format == "csv":
            return _write_csv(graph, target)
    except OSError as exc:
        raise ExportError(f"{target}: cannot write ({exc.strerror or exc})") from exc
    raise ExportError(
        f"unknown export format {output_format!r}; choose from {', '.join(GRAPH_FORMATS)}"
    )


def edge_attributes(data: dict[str, Any]) -> dict[str, Any]:
    """An edge's exported attributes (see the module docstring), typed and never None."""
    counts = {name: int(data.get(name) or 0) for name in EDGE_COUNTS}
    return {
        "relation": data["relation"],
        **counts,
        "weight": max(counts["documents"], 1),
        "cooperation": float(data.get("weight") or 0.0),
        "first_date": data.get("first_date") or "",
        "last_date": data.get("last_date") or "",
        "kb": bool(data.get("kb")),
    }


def _flat(graph: nx.MultiDiGraph, gexf: bool = False) -> nx.MultiDiGraph:
    """The graph with attributes GraphML and GEXF can type: no None, lists joined by '; '.
    With `gexf`, also Gephi's viz colours and sizes and each edge's start and end."""
    from graphx.serve.view import OTHER_TYPE_COLOR, RELATION_COLORS, TYPE_COLORS, _sizes

    sizes = _sizes(graph) if gexf else {}
    flat = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        kind = data.get("type") or "unknown"
        attributes: dict[str, Any] = {
            "label": data.get("name") or node,
            "name": data.get("name") or node,
            "type": kind,
            "aliases": "; ".join(data.get("aliases") or []),
            "country": data.get("country") or "",
            "provisional": bool(data.get("provisional")),
        }
        if gexf:
            attributes["viz"] = {
                "color": _rgb(TYPE_COLORS.get(kind, OTHER_TYPE_COLOR)),
                "size": sizes.get(node, 10.0),
            }
        flat.add_node(node, **attributes)
    for source, target, key, data in graph.edges(keys=True, data=True):
        attributes = {"id": f"{source}|{key}|{target}", "label": data["relation"]}
        attributes.update(edge_attributes(data))
        if gexf:
            attributes["viz"] = {"color": _rgb(RELATION_COLORS[data["relation"]])}
            start = gexf_date(data.get("first_date"))
            end = gexf_date(data.get("last_date"), last=True)
            if start and end:
                attributes["start"], attributes["end"] = min(start, end), max(start, end)
        flat.add_edge(source, target, key=key, **attributes)
    return flat


_ISO_PREFIX = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def gexf_date(value: str | None, last: bool = False) -> str | None:
    """A stored date as a GEXF `date` (YYYY-MM-DD): a YYYY or YYYY-MM date becomes the first
    day of that period, or with `last` its last day; None for no date or an invalid one."""
    match = _ISO_PREFIX.fullmatch((value or "").strip())
    if not match:
        return None
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        if month is None:
            return (Date(year, 12, 31) if last else Date(year, 1, 1)).isoformat()
        if day is None:
            day = calendar.monthrange(year, month)[1] if last else 1
        return Date(year, month, day).isoformat()
    except ValueError:  # month 13, 30 February, year 0
        return None


def _rgb(color: str) -> dict[str, int | float]:
    value = color.lstrip("#")
    return {"r": int(value[0:2], 16), "g": int(value[2:4], 16), "b": int(value[4:6], 16), "a": 1.0}


def _write_gexf(graph: nx.MultiDiGraph, path: Path) -> None:
    from networkx.readwrite.gexf import GEXFWriter

    flat = _flat(graph, gexf=True)
    flat.graph["mode"] = "dynamic"
    writer = GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
    writer.add_graph(flat)
    # networkx names the time format only once some edge is dated: a store with no dated
    # mention would otherwise give Gephi a dynamic graph it cannot read the times of.
    writer.graph_element.set("timeformat", "date")
    writer.graph_element.set("mode", "dynamic")
    with path.open("wb") as stream:
        writer.write(stream)


def _write_csv(graph: nx.MultiDiGraph, folder: Path) -> list[Path]:
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"{folder}: CSV export writes a folder (nodes.csv, edges.csv)")
    folder.mkdir(parents=True, exist_ok=True)
    nodes, edges = folder / "nodes.csv", folder / "edges.csv"
    with _replacing(nodes) as partial, partial.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(NODE_FIELDS)
        for node, data in sorted(graph.nodes(data=True)):
            writer.writerow([node, *(_cell(data.get(name)) for name in NODE_FIELDS[1:])])
    with _replacing(edges) as partial, partial.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(EDGE_FIELDS)
        for source, target, data in sorted(graph.edges(data=True), key=_edge_order):
            attributes = edge_attributes(data)
            writer.writerow([source, target, *(attributes[name] for name in EDGE_FIELDS[2:])])
    return [nodes, edges]


def _edge_order(edge: tuple[str, str, dict[str, Any]]) -> tuple[str, str, str]:
    return edge[0], edge[1], edge[2]["relation"]


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(map(str, value))
    return value


class _replacing:
    """A sibling temporary path that replaces `target` only once it is completely written,
    so a failed export never leaves a truncated file where a good one was."""

    def __init__(self, target: Path) -> None:
        self.target = target
        self.partial = target.with_name(f".{target.name}.partial")

    def __enter__(self) -> Path:
        if self.target.is_dir():
            raise ExportError(f"{self.target}: is a folder; name a file to write")
        return self.partial

    def __exit__(self, kind: object, exc: object, trace: object) -> None:
        if kind is None:
            os.replace(self.partial, self.target)
        else:
            self.partial.unlink(missing_ok=True)


# ----------------------------------------------------------------------------- events
_NOWHERE = 1 << 62  # the sentence position of a mention stored without one: after any other


def read_events(
    store: GraphStore,
    graph: nx.MultiDiGraph,
    selection: Selection | None = None,
    lexicon: Lexicon | None = None,
) -> list[dict[str, Any]]:
    """The events (see the module docstring) behind the edges of `graph`, the selected
    network: rows keyed by EVENT_FIELDS, by date (undated last), document, actors, relation."""
    from graphx.extraction.lexicon import load_lexicon
    from graphx.serve.network import folded_into

    lexicon = lexicon or load_lexicon()
    into = folded_into(graph)
    rows = store.query(cypher.EVENT_MENTIONS, {"ids": sorted(into)}).records()
    events: dict[tuple[str, str, str, str, str], dict[str, Any]] = {}
    for row in rows:
        source, target = into[row["source"]], into[row["target"]]
        relation, date = row["relation"], row["date"]
        if not graph.has_edge(source, target, key=relation):
            continue
        if selection is not None and not selection.in_range(date):
            continue
        key = (row["doc"], source, relation, target, date or "")
        event = events.get(key)
        if event is None:
            event = events[key] = _new_event(key, row, graph, lexicon)
        event["mentions"] += 1
        if row["claimed_by"] and row["claimed_by"] not in event["_claimants"]:
            event["_claimants"].append(row["claimed_by"])
        position = row["sentence_start"] if row["sentence_start"] is not None else _NOWHERE
        if position < event["_position"]:
            event["_position"], event["sentence"] = position, row["sentence"] or ""
    ordered = sorted(events.values(), key=_event_order)
    for event in ordered:
        event["claimed_by"] = "; ".join(sorted(event.pop("_claimants")))
        del event["_position"]
    return ordered


def _new_event(
    key: tuple[str, str, str, str, str],
    row: dict[str, Any],
    graph: nx.MultiDiGraph,
    lexicon: Lexicon,
) -> dict[str, Any]:
    doc, source, relation, target, date = key
    info = lexicon.relations[relation]
    event: dict[str, Any] = {
        "event_id": hashlib.sha1(repr(key).encode("utf-8")).hexdigest()[:16],
        "document": doc,
        "document_title": row["title"] or "",
        "date": date,
    }
    for role, actor in (("source", source), ("target", target)):
        node = graph.nodes[actor]
        event[f"{role}_id"] = actor
        event[f"{role}_name"] = node.get("name") or actor
        event[f"{role}_type"] = node.get("type") or "unknown"
        event[f"{role}_country"] = node.get("country") or ""
    event.update(
        relation=relation,
        plover=info.plover[0] if info.plover else "",
        cameo=info.cameo[0] if info.cameo else "",
        plover_codes="; ".join(info.plover),
        cameo_codes="; ".join(info.cameo),
        cooperation=info.weight,
        mentions=0,
        claimed_by="",
        sentence="",
        url=row["url"] or "",
        outlet=row["outlet"] or "",
        _claimants=[],
        _position=_NOWHERE + 1,
    )
    return event


def _event_order(event: dict[str, Any]) -> tuple[Any, ...]:
    return (
        not event["date"],
        event["date"],
        event["document"],
        event["source_id"],
        event["relation"],
        event["target_id"],
    )


def write_events(events: list[dict[str, Any]], path: str | Path) -> Path:
    """Write `events` (from `read_events`) as a UTF-8 CSV table with a header."""
    target = Path(path)
    try:
        with (
            _replacing(target) as partial,
            partial.open("w", encoding="utf-8", newline="") as stream,
        ):
            writer = csv.DictWriter(stream, fieldnames=EVENT_FIELDS)
            writer.writeheader()
            writer.writerows(events)
    except OSError as exc:
        raise ExportError(f"{target}: cannot write ({exc.strerror or exc})") from exc
    return target
