"""Exports of the actor graph for other tools: GraphML and GEXF (Gephi: relation type,
weight, counts and dates as typed attributes), node-link JSON, and CSV node and edge tables."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import networkx as nx

from graphx.errors import GraphxError

FORMATS = ("graphml", "gexf", "json", "csv")
NODE_FIELDS = ("id", "name", "type", "aliases", "country", "provisional")
EDGE_FIELDS = ("source", "target", "relation", "count", "weight", "first_date", "last_date", "kb")


class ExportError(GraphxError):
    """The export could not be written."""


def _flat(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The graph with attributes GraphML and GEXF can type: no None, lists joined by '; '."""
    flat = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        flat.add_node(
            node,
            label=data.get("name") or node,
            name=data.get("name") or node,
            type=data.get("type") or "unknown",
            aliases="; ".join(data.get("aliases") or []),
            country=data.get("country") or "",
            provisional=bool(data.get("provisional")),
        )
    for source, target, key, data in graph.edges(keys=True, data=True):
        flat.add_edge(
            source,
            target,
            key=key,
            id=f"{source}|{key}|{target}",
            label=data["relation"],
            relation=data["relation"],
            count=int(data.get("count") or 0),
            weight=float(data.get("weight") or 0.0),
            first_date=data.get("first_date") or "",
            last_date=data.get("last_date") or "",
            kb=bool(data.get("kb")),
        )
    return flat


def export_graph(graph: nx.MultiDiGraph, output_format: str, path: str | Path) -> list[Path]:
    """Write `graph` to `path` in `output_format`; returns the files written (CSV writes a
    folder with nodes.csv and edges.csv)."""
    target = Path(path)
    try:
        if output_format == "graphml":
            nx.write_graphml(_flat(graph), target, encoding="utf-8")
            return [target]
        if output_format == "gexf":
            nx.write_gexf(_flat(graph), target, encoding="utf-8")
            return [target]
        if output_format == "json":
            data = nx.node_link_data(_flat(graph), edges="links")
            target.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
            return [target]
        if output_format == "csv":
            return _write_csv(graph, target)
    except OSError as exc:
        raise ExportError(f"{target}: cannot write ({exc.strerror or exc})") from exc
    raise ExportError(f"unknown export format {output_format!r}; choose from {', '.join(FORMATS)}")


def _write_csv(graph: nx.MultiDiGraph, folder: Path) -> list[Path]:
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"{folder}: CSV export writes a folder (nodes.csv, edges.csv)")
    folder.mkdir(parents=True, exist_ok=True)
    nodes, edges = folder / "nodes.csv", folder / "edges.csv"
    with nodes.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(NODE_FIELDS)
        for node, data in sorted(graph.nodes(data=True)):
            writer.writerow([node, *(_cell(data.get(name)) for name in NODE_FIELDS[1:])])
    with edges.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(EDGE_FIELDS)
        for source, target, data in sorted(graph.edges(data=True), key=_edge_order):
            writer.writerow([source, target, *(_cell(data.get(name)) for name in EDGE_FIELDS[2:])])
    return [nodes, edges]


def _edge_order(edge: tuple[str, str, dict[str, Any]]) -> tuple[str, str, str]:
    return edge[0], edge[1], edge[2]["relation"]


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(map(str, value))
    return value
