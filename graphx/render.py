"""Rendering results for the terminal: rich tables, JSON, CSV."""

from __future__ import annotations

import csv
import json
import sys
from typing import Any

from graphx.serve.queries import LibraryQuery
from graphx.store.base import QueryResult


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


def render_load_outcome(outcome: Any, quiet: bool) -> None:
    """On standard error: each skipped input or line, then (unless `quiet`) what the load
    changed and what the store now holds."""
    import click

    for failure in outcome.failures:
        click.echo(f"Error: {failure}", err=True)
    if quiet:
        return
    report = outcome.report
    click.echo(
        f"{report.documents} documents: {report.mentions_added} mentions added, "
        f"{report.mentions_removed} removed, {report.mentions_kept} unchanged; "
        f"{report.edges_added} edges added, {report.edges_removed} removed",
        err=True,
    )
    click.echo(", ".join(f"{name} {count}" for name, count in report.counts.items()), err=True)


def render_bulk_export(export: Any, quiet: bool) -> None:
    """The skipped lines and (unless `quiet`) what was written on standard error; the import
    command on standard output."""
    import click

    for failure in export.failures:
        click.echo(f"Error: {failure}", err=True)
    if not quiet:
        counts = {**export.nodes, **export.relationships}
        click.echo(f"wrote {export.directory} for neo4j-admin database import full:", err=True)
        click.echo(", ".join(f"{name} {count}" for name, count in counts.items()), err=True)
        click.echo("import it with the server stopped (see its README):", err=True)
    click.echo(export.command())


# ----------------------------------------------------------------------------- lookups
def _json(payload: Any) -> None:
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=1, default=str) + "\n")


def _console() -> Any:
    from rich.console import Console

    return Console()


def _dates(first: str | None, last: str | None) -> str:
    if not first:
        return ""
    return first if first == last else f"{first} – {last}"


def _relations_table(title: str, rows: list[Any], names: dict[str, str], limit: int = 0) -> Any:
    from rich.table import Table

    shown = rows[:limit] if limit else rows
    caption = (
        f"{len(rows) - len(shown)} more: --limit 0 shows all" if len(shown) < len(rows) else None
    )
    table = Table(
        "source",
        "relation",
        "target",
        "documents",
        "mentions",
        "dates",
        "kb",
        title=title,
        caption=caption,
    )
    for row in shown:
        table.add_row(
            names.get(row.source, row.source),
            row.relation.replace("_", " "),
            names.get(row.target, row.target),
            str(row.documents),
            str(row.mentions),
            _dates(row.first_date, row.last_date),
            "yes" if row.kb else "",
        )
    return table


def _evidence_table(title: str, rows: list[dict[str, Any]], names: dict[str, str]) -> Any:
    from rich.table import Table

    table = Table("date", "relation", "sentence", "document", "claimed by", title=title)
    for row in rows:
        table.add_row(
            row.get("date") or "",
            f"{names.get(row['source'], row['source'])} → {row['relation'].replace('_', ' ')}"
            f" → {names.get(row['target'], row['target'])}",
            row.get("sentence") or "",
            row.get("title") or row.get("doc") or "",
            names.get(row.get("claimed_by") or "", row.get("claimed_by") or ""),
        )
    return table


def render_profile(profile: Any, output_format: str, limit: int = 0) -> None:
    """The profile; tables show the `limit` most-mentioned relations each way (0: all)."""
    if output_format == "json":
        _json(profile.as_dict())
        return
    from rich.markup import escape

    console = _console()
    console.print(
        f"[bold]{escape(profile.name)}[/bold] ({escape(profile.id)}), {profile.type}"
        + (", provisional" if profile.provisional else "")
    )
    if profile.aliases:
        console.print("also: " + escape(", ".join(profile.aliases)))
    if profile.country:
        console.print("country: " + escape(profile.country))
    if profile.parents:
        console.print(
            "part of: " + escape(", ".join(profile.names.get(p, p) for p in profile.parents))
        )
    console.print(_relations_table("what it does", profile.outgoing, profile.names, limit))
    console.print(_relations_table("what is done to it", profile.incoming, profile.names, limit))
    if profile.evidence:
        console.print(_evidence_table("top evidence", profile.evidence, profile.names))


def render_between(result: Any, output_format: str) -> None:
    if output_format == "json":
        _json(result.as_dict())
        return
    names = {result.a.id: result.a.name, result.b.id: result.b.name}
    console = _console()
    if not result.relations:
        console.print(f"no relation between {result.a.name} and {result.b.name} in the store")
        return
    console.print(_relations_table(f"{result.a.name} and {result.b.name}", result.relations, names))
    if result.evidence:
        console.print(_evidence_table("evidence", result.evidence, names))


def render_paths(result: Any, output_format: str) -> None:
    if output_format == "json":
        _json(result.as_dict())
        return
    from rich.markup import escape

    console = _console()
    if not result.paths:
        console.print(
            f"no chain of at most {result.max_hops} relations links "
            f"{escape(result.a.name)} and {escape(result.b.name)}"
        )
        return
    for number, chain in enumerate(result.paths, 1):
        steps = [escape(result.names.get(result.a.id, result.a.id))]
        current = result.a.id
        for hop in chain:
            forward = hop.source == current
            nxt = hop.target if forward else hop.source
            relation = hop.relation.replace("_", " ")
            hop_text = f"{relation} ({hop.documents} doc)"
            arrow = f" —{hop_text}→ " if forward else f" ←{hop_text}— "
            steps.append(arrow + escape(result.names.get(nxt, nxt)))
            current = nxt
        console.print(f"{number}. " + "".join(steps))


def render_timeline(result: Any, output_format: str) -> None:
    if output_format == "json":
        _json(result.as_dict())
        return
    from rich.table import Table

    who = " and ".join(a.name for a in result.actors)
    table = Table("month", "source", "relation", "target", "mentions", title=f"timeline: {who}")
    for row in result.rows:
        table.add_row(
            row.month,
            result.names.get(row.source, row.source),
            row.relation.replace("_", " "),
            result.names.get(row.target, row.target),
            str(row.count),
        )
    console = _console()
    console.print(table)
    if not result.rows:
        console.print("no dated mention", style="dim")


def render_stats(stats: Any, output_format: str) -> None:
    if output_format == "json":
        _json(stats.as_dict())
        return
    from rich.table import Table

    names = stats.names
    console = _console()
    console.print(f"{stats.actors} actors, {stats.edges} relations, {stats.mentions} mentions")
    if not stats.actors:
        console.print(
            "nothing to measure: the store (or the selection) has no relation", style="dim"
        )
        return
    table = Table(
        "actor",
        "type",
        "degree",
        "in",
        "out",
        "mentions",
        "betweenness",
        "pagerank",
        title="central actors (by PageRank)"
        + (" — betweenness estimated from a sample" if stats.betweenness_sampled else ""),
    )
    for c in stats.centrality:
        table.add_row(
            c.name,
            c.type,
            str(c.degree),
            str(c.in_degree),
            str(c.out_degree),
            str(c.mentions),
            f"{c.betweenness:.4f}",
            f"{c.pagerank:.4f}",
        )
    console.print(table)

    def members(ids: list[str]) -> str:
        return ", ".join(names.get(i, i) for i in ids)

    table = Table("#", "members", title="communities (Louvain, all relations)")
    for number, community in enumerate(stats.communities, 1):
        table.add_row(str(number), members(community))
    console.print(table)
    table = Table("camp", "members", "cooperation within", title="allied camps (signed network)")
    for number, camp in enumerate(stats.camps, 1):
        table.add_row(str(number), members(camp.members), str(camp.internal_weight))
    console.print(table)
    if stats.hostility_between_camps:
        table = Table("camp", "camp", "net weight", title="hostility between camps")
        for row in stats.hostility_between_camps:
            table.add_row(str(row["camp_a"]), str(row["camp_b"]), str(row["weight"]))
        console.print(table)
    table = Table("actors", "signed weights", title="unbalanced triads")
    for triad in stats.unbalanced_triads:
        a, b, c = triad["actors"]
        weights = ", ".join(f"{members(k.split('~'))}: {v}" for k, v in triad["pairs"].items())
        table.add_row(members([a, b, c]), weights)
    console.print(table)
    table = Table("actor", "actor", "common enemies", "stance", title="enemies of enemies")
    for row in stats.enemies_of_enemies:
        table.add_row(
            names.get(row["a"], row["a"]),
            names.get(row["b"], row["b"]),
            members(row["common_enemies"]),
            row["stance"],
        )
    console.print(table)


def render_evaluation(result: Any, output_format: str, show: bool = False) -> None:
    """Scores overall, per relation type and per rule; with `show`, each false alarm and miss."""
    if output_format == "json":
        payload = result.as_dict()
        if show:
            payload["false"] = [
                {
                    "doc": v.doc,
                    **{k: v.prediction.get(k) for k in ("relation", "rule", "sentence")},
                    "source": _endpoint(v.prediction["source"]),
                    "target": _endpoint(v.prediction["target"]),
                }
                for v in result.verdicts
                if v.kind == "fp"
            ]
            payload["missed"] = list(result.missed)
        _json(payload)
        return
    lines = []
    for relation, score in result.by_relation.items():
        lines.append(f"  {relation:20s} {score.line()}")
    lines.append("by rule (right / false):")
    for rule, counts in result.by_rule.items():
        lines.append(f"  {rule:20s} {counts['tp']:4d} / {counts['fp']}")
    if show:
        for v in result.verdicts:
            if v.kind == "fp":
                p = v.prediction
                lines.append(
                    f"FALSE  {v.doc}: {_endpoint(p['source'])} --{p['relation']}--> "
                    f"{_endpoint(p['target'])}  [{p.get('rule') or '?'}]  | "
                    f"{str(p.get('sentence') or '')[:120]}"
                )
        for g in result.missed:
            lines.append(
                f"MISSED {g['doc']}: {g['source']} --{g['relation']}--> {g['target']}  | "
                f"{str(g.get('evidence') or '')[:120]}"
            )
    lines.append(f"overall {result.overall.line()}")
    print("\n".join(lines))


def _endpoint(value: Any) -> str:
    return str(value.get("name")) if isinstance(value, dict) else str(value)


def render_explanation(result: Any, output_format: str, parse: bool = True) -> None:
    if output_format == "json":
        _json(result.as_dict())
        return
    print(result.text(parse=parse))
