"""Rendering results for the terminal: rich tables, JSON, CSV."""

from __future__ import annotations

import csv
import json
import sys
from typing import Any

from graphx.queries import LibraryQuery
from graphx.stores import QueryResult


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def render_result(result: QueryResult, output_format: str) -> None:
    if output_format == "json":
        sys.stdout.write(json.dumps(result.records(), ensure_ascii=False, indent=1, default=str))
        sys.stdout.write("\n")
        return
    if output_format == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(result.columns)
        for row in result.rows:
            writer.writerow([_cell(v) for v in row])
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(*result.columns, show_lines=False)
    for row in result.rows:
        table.add_row(*(_cell(v) for v in row))
    console = Console()
    console.print(table)
    console.print(f"{len(result.rows)} row(s)", style="dim")


def render_library(queries: list[LibraryQuery]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table("query", "answers", "parameters", "stores")
    for query in queries:
        params = ", ".join(
            p.name if p.required else f"{p.name}={json.dumps(p.default)}" for p in query.params
        )
        table.add_row(query.name, query.summary, params, "both" if query.portable else "neo4j")
    Console().print(table)
