"""The `graphx` command line. Each command parses options, calls one library function and
renders its result; `GraphxGroup` turns library errors into one-line messages and exit codes,
in one place for every command."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from graphx.errors import GraphxError

F = TypeVar("F", bound=Callable[..., Any])


# Options several commands share, declared once.
_JOBS = click.option(
    "--jobs",
    "-j",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Worker processes for extraction.",
)

_KB = click.option(
    "--kb",
    "kb_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="An extra knowledge-base YAML file (repeatable); overrides bundled entries by id.",
)

_KB_OVERRIDE = click.option(
    "--kb-override",
    "kb_override_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="Like --kb (read after the --kb files), and its actors take over the names they "
    "share with other actors.",
)


def _knowledge_base(kb_files: tuple[str, ...], kb_override_files: tuple[str, ...]) -> Any:
    """Load the knowledge base (failing on a bad file before any work starts) and print its
    warnings: here, once per run, since extraction workers load it again silently."""
    from graphx.extraction.kb import load_knowledge_base

    kb = load_knowledge_base(kb_files, kb_override_files)
    for warning in kb.warnings:
        click.echo(f"Warning: {warning}", err=True)
    return kb


_MAX_SIZE = click.option(
    "--max-size",
    type=click.IntRange(1),
    default=5_000_000,
    show_default=True,
    help="Largest document accepted, in bytes.",
)

_DOC_TIMEOUT = click.option(
    "--doc-timeout",
    type=click.FloatRange(0),
    default=120,
    show_default=True,
    metavar="SECONDS",
    help="Skip (and report) a document whose extraction takes more CPU seconds than this "
    "(waiting for a core on a busy machine does not count); 0: no limit.",
)

_DOC_ID = click.option(
    "--doc-id",
    metavar="ID",
    help="Id of the document read from standard input (-); default: stdin-<content hash>.",
)

_BATCH_SIZE = click.option(
    "--batch-size",
    type=click.IntRange(1),
    help="Mentions per write transaction, whole documents (default: 50000 embedded, 10000 Neo4j).",
)

_QUIET = click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary.")


class GraphxGroup(click.Group):
    """The `graphx` group: a GraphxError raised by any command (or while its options are
    turned into values) becomes `Error: <message>` on standard error and the error's
    `exit_code`; with --debug it propagates with its traceback instead."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except GraphxError as exc:
            if ctx.params.get("debug"):
                raise
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(exc.exit_code)


@click.group(cls=GraphxGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="graphx")
@click.option("--debug", is_flag=True, help="Show full tracebacks on errors.")
def main(debug: bool) -> None:
    """graphx: turn conflict news into an actor-relationship graph.

    \b
    Example:
      graphx build data/corpus
      graphx actor "Kataib Hezbollah"
      graphx view -o iraq.html
    """
    # --debug is read where errors are handled: GraphxGroup.invoke, from the context's params


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    type=click.Path(writable=True),
    help="Write JSON Lines here instead of standard output (with --dask: the folder of shards).",
)
@_JOBS
@click.option(
    "--dask",
    "cluster",
    metavar="ADDRESS",
    help="Extract on a Dask cluster: a scheduler's address (tcp://HOST:8786), or local:N for "
    "N local worker processes; writes shards and a manifest into the -o folder.",
)
@click.option(
    "--shard-docs",
    type=click.IntRange(1),
    default=64,
    show_default=True,
    help="With --dask: documents per task and shard.",
)
@_KB
@_KB_OVERRIDE
@click.option(
    "--keep-negated",
    is_flag=True,
    help='Also write negated or speculative relations, marked "negated": true.',
)
@_MAX_SIZE
@_DOC_TIMEOUT
@_DOC_ID
@click.option("--quiet", "-q", is_flag=True, help="No progress or summary on standard error.")
def extract(
    paths: tuple[str, ...],
    output: str | None,
    jobs: int,
    cluster: str | None,
    shard_docs: int,
    kb_files: tuple[str, ...],
    kb_override_files: tuple[str, ...],
    keep_negated: bool,
    max_size: int,
    doc_timeout: float,
    doc_id: str | None,
    quiet: bool,
) -> None:
    """Extract actors and typed relations from PATHS (files, folders, .jsonl corpora, or -).

    Writes one JSON object per relation mention. Exit code 3 means some inputs could not be
    read (each is named on standard error); the others were still extracted.

    With --dask, the documents are extracted on a Dask cluster into OUTPUT/part-00000.jsonl,
    ... (the same lines as a run without it, in the same order) and OUTPUT/manifest.json;
    `graphx load OUTPUT/` loads them.

    \b
    Example:
      graphx extract data/corpus -o mentions.jsonl
      graphx extract data/corpus/05_soleimani_strike_2020.txt --keep-negated
      graphx extract data/corpus --dask local:2 -o shards/
    """
    from graphx.extraction.pipeline import extract_to_jsonl

    if cluster is None and output is not None and os.path.isdir(output):
        raise click.BadParameter(
            f"{output!r} is a directory (a folder of shards needs --dask).",
            param_hint="'-o' / '--output'",
        )
    if cluster is not None and jobs > 1:
        raise click.BadParameter(
            "--jobs is for one machine; with --dask, the cluster's workers do the work "
            "(local:N starts N)",
            param_hint="'--jobs'",
        )
    kb = _knowledge_base(kb_files, kb_override_files)
    with _progress("documents", quiet, details=_EXTRACT_DETAILS) as bar:
        task = bar.add_task("documents", total=_count_documents(paths), relations=0, failures=0)

        def advance(so_far: Any) -> None:
            bar.update(
                task,
                completed=so_far.documents + so_far.failures,
                relations=so_far.relations,
                failures=so_far.failures,
            )

        common: dict[str, Any] = {
            "max_bytes": max_size,
            "doc_id": doc_id,
            "warn": _warn,
            "on_failure": lambda failure: click.echo(f"Error: {failure}", err=True),
            "on_progress": advance,
            "kb_files": kb_files,
            "kb_override_files": kb_override_files,
            "keep_negated": keep_negated,
            "timeout": doc_timeout,
        }
        if cluster is not None:
            from graphx.extraction.cluster import extract_to_shards

            report = extract_to_shards(
                paths, output, cluster=cluster, shard_docs=shard_docs, **common
            )
        else:
            report = extract_to_jsonl(paths, output, jobs=jobs, kb=kb, **common)
    if not quiet:
        click.echo(report.summary(), err=True)
    if report.exit_code:
        click.get_current_context().exit(report.exit_code)


def _warn(message: str) -> None:
    click.echo(f"Warning: {message}", err=True)


# ----------------------------------------------------------------------------- stores
@dataclass(frozen=True)
class StoreChoice:
    """The store the options name (--db, --neo4j, --database), opened on demand."""

    db_path: str | None = None
    neo4j_uri: str | None = None
    database: str | None = None

    def open(self, *, write: bool = False) -> Any:
        """Open the store read-only (the database refuses writes; a store that is not there is
        an error, never created), or with `write` for loading, resetting, `query --write`."""
        from graphx.store import open_store

        return open_store(
            neo4j=self.neo4j_uri, db=self.db_path, database=self.database, read_only=not write
        )


def _store_options(command: F) -> F:
    """Add --db, --neo4j and --database; the command receives them as `where: StoreChoice`."""

    @wraps(command)
    def wrapper(*args: Any, db_path: Any, neo4j_uri: Any, database: Any, **kwargs: Any) -> Any:
        return command(*args, where=StoreChoice(db_path, neo4j_uri, database), **kwargs)

    options = [
        click.option(
            "--db",
            "db_path",
            type=click.Path(dir_okay=False),
            help="Embedded store file (default: $GRAPHX_DB or ./graphx.lbdb).",
        ),
        click.option(
            "--neo4j",
            "neo4j_uri",
            help="Use Neo4j at this URI (default: $NEO4J_URI; credentials from "
            "$NEO4J_USERNAME / $NEO4J_PASSWORD).",
        ),
        click.option("--database", help="Neo4j database name (default: $NEO4J_DATABASE)."),
    ]
    for option in reversed(options):
        wrapper = option(wrapper)
    return wrapper  # type: ignore[return-value]


def _load_with_progress(
    where: StoreChoice,
    unit: str,
    quiet: bool,
    load: Callable[[Any, Callable[[int], None]], Any],
    total: int | None = None,
) -> None:
    """Open the store, run `load` under a progress bar counting `unit` up to `total` (None:
    unknown), report, set the exit code (3 when some inputs failed)."""
    from graphx.extraction.pipeline import EXIT_INPUT_FAILED
    from graphx.render import render_load_outcome

    with where.open(write=True) as store, _progress(unit, quiet) as bar:
        task = bar.add_task(unit, total=total)
        outcome = load(store, lambda n: bar.advance(task, n))
    render_load_outcome(outcome, quiet)
    if outcome.failures:
        click.get_current_context().exit(EXIT_INPUT_FAILED)


_EXTRACT_DETAILS = "{task.fields[relations]} relations, {task.fields[failures]} failed"


def _progress(description: str, quiet: bool, details: str = "") -> Any:
    """A progress bar on standard error, drawn only when standard error is a terminal and not
    `quiet`; `details` formats the task's extra fields beside the count."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = [TextColumn(description), BarColumn(), MofNCompleteColumn()]
    if details:
        columns.append(TextColumn(details))
    columns.append(TimeElapsedColumn())
    return Progress(
        *columns,
        # Piped or redirected (a log, CI) a bar is noise, whatever FORCE_COLOR tells rich.
        disable=quiet or not _stderr_is_terminal(),
        transient=True,
        console=_stderr_console(),
        # extract writes its JSON Lines to standard output: never through the bar's console.
        redirect_stdout=False,
    )


def _stderr_is_terminal() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):  # replaced or closed standard error
        return False


def _count_documents(paths: tuple[str, ...]) -> int | None:
    """How many inputs `paths` name, counted without reading any text: a text file is one, a
    JSON Lines corpus one per non-blank line, an unreadable path one (it is reported as one
    failure). None when standard input (it cannot be counted and still read) or a URL is among
    them."""
    from graphx.extraction.documents import CORPUS_SUFFIXES, STDIN, _walk, is_url

    if STDIN in paths or any(is_url(raw) for raw in paths):
        return None
    total = 0
    for raw in dict.fromkeys(paths):
        path = Path(raw)
        if not path.is_dir():
            is_corpus = path.suffix.lower() in CORPUS_SUFFIXES
            total += _count_lines(path) if is_corpus and path.is_file() else 1
            continue
        files = 0
        for entry in _walk(path):
            files += 1
            if isinstance(entry, tuple) and entry[0].suffix.lower() in CORPUS_SUFFIXES:
                total += _count_lines(entry[0])
            else:
                total += 1
        total += 0 if files else 1  # an empty folder is one failure
    return total


def _count_lines(path: Path) -> int:
    """Non-blank lines of `path` (0 when it cannot be read: the reader reports why)."""
    try:
        with path.open("rb") as handle:
            return sum(1 for line in handle if line.strip())
    except OSError:
        return 0


def _stderr_console() -> Any:
    from rich.console import Console

    return Console(stderr=True)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@_store_options
@_JOBS
@_KB
@_KB_OVERRIDE
@_MAX_SIZE
@_DOC_TIMEOUT
@_DOC_ID
@_BATCH_SIZE
@_QUIET
def build(
    paths: tuple[str, ...],
    where: StoreChoice,
    jobs: int,
    kb_files: tuple[str, ...],
    kb_override_files: tuple[str, ...],
    max_size: int,
    doc_timeout: float,
    doc_id: str | None,
    batch_size: int | None,
    quiet: bool,
) -> None:
    """Extract PATHS and load the relations into the store, in one go.

    Loading is idempotent: the same documents again change nothing, and a re-extracted
    document replaces its own mentions. Exit code 3 means some inputs could not be read.

    \b
    Example:
      graphx build data/corpus
      graphx build data/corpus/12_sanctions_2024.txt --db sanctions.lbdb
    """
    from graphx.extraction.documents import refuse_extract_output
    from graphx.store.loading import build as build_graph

    _knowledge_base(kb_files, kb_override_files)
    refuse_extract_output(paths)  # before the store is opened (and an empty one created)
    _load_with_progress(
        where,
        "documents",
        quiet,
        lambda store, progress: build_graph(
            store,
            paths,
            jobs=jobs,
            kb_files=kb_files,
            kb_override_files=kb_override_files,
            max_bytes=max_size,
            progress=progress,
            batch_size=batch_size or 0,
            doc_id=doc_id,
            doc_timeout=doc_timeout,
            warn=_warn,
        ),
        total=_count_documents(paths),
    )


@main.command()
@click.argument("mentions", type=click.Path())
@_store_options
@_KB
@_KB_OVERRIDE
@_BATCH_SIZE
@_QUIET
def load(
    mentions: str,
    where: StoreChoice,
    kb_files: tuple[str, ...],
    kb_override_files: tuple[str, ...],
    batch_size: int | None,
    quiet: bool,
) -> None:
    """Load MENTIONS (JSON Lines written by `graphx extract`, or the folder of shards that
    `graphx extract --dask` wrote) into the store.

    Bad lines are named on standard error and skipped (exit code 3); the rest is loaded.

    \b
    Example:
      graphx extract data/corpus -o mentions.jsonl
      graphx load mentions.jsonl
      graphx load shards/
    """
    from graphx.store.loading import count_mentions, load_mentions, mention_files

    _knowledge_base(kb_files, kb_override_files)
    mention_files(mentions)  # a folder that is no finished extraction: before the store opens
    _load_with_progress(
        where,
        "mentions",
        quiet,
        lambda store, progress: load_mentions(
            store,
            mentions,
            kb_files=kb_files,
            kb_override_files=kb_override_files,
            progress=progress,
            batch_size=batch_size or 0,
        ),
        total=count_mentions(mentions),
    )


@main.command("bulk-export")
@click.argument("mentions", nargs=-1, required=True, type=click.Path())
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(file_okay=False),
    help="The folder to write (new or empty): CSV files, import.sh, import.args, README.",
)
@_KB
@_KB_OVERRIDE
@_QUIET
def bulk_export(
    mentions: tuple[str, ...],
    output: str,
    kb_files: tuple[str, ...],
    kb_override_files: tuple[str, ...],
    quiet: bool,
) -> None:
    """Write the graph of MENTIONS (JSON Lines written by `graphx extract`, or its --dask
    output folders) as CSV files for Neo4j's import tool, for a first load of a large archive.

    The graph is the one `graphx load` would build in an empty store. The import command is
    printed and written to the folder (import.sh, README); import with the server stopped,
    then `graphx load` continues online. Bad lines are named and skipped (exit code 3).

    \b
    Example:
      graphx extract data/corpus -o mentions.jsonl
      graphx bulk-export mentions.jsonl -o bulk-import
    """
    from graphx.extraction.pipeline import EXIT_INPUT_FAILED
    from graphx.render import render_bulk_export
    from graphx.store.bulk import bulk_export as export_graph
    from graphx.store.loading import count_mentions

    _knowledge_base(kb_files, kb_override_files)
    counts = [count_mentions(path) for path in mentions]
    total = None if None in counts else sum(counts)  # type: ignore[arg-type]
    with _progress("mentions", quiet) as bar:
        task = bar.add_task("mentions", total=total)
        export = export_graph(
            mentions,
            output,
            kb_files=kb_files,
            kb_override_files=kb_override_files,
            progress=lambda n: bar.advance(task, n),
        )
    render_bulk_export(export, quiet)
    if export.failures:
        click.get_current_context().exit(EXIT_INPUT_FAILED)


@main.command()
@click.argument("cypher_or_file")
@_store_options
@click.option(
    "--param",
    "-p",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="A query parameter (repeatable); VALUE is read as JSON when it parses "
    "(numbers, true, [lists]), else as text.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "json", "csv"]),
    default="table",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--write",
    is_flag=True,
    help="Let the query change the store (CREATE, SET, DELETE...); without it the store is "
    "opened read-only and writes are refused.",
)
def query(
    cypher_or_file: str,
    where: StoreChoice,
    params: tuple[str, ...],
    output_format: str,
    write: bool,
) -> None:
    """Run a Cypher query: inline text, a .cypher file, or a query of the library by name
    (`graphx queries` lists them). Parameters are passed as parameters, never pasted in;
    a library query's actor parameters take a name, an alias or an id.
    Read-only unless --write is given.

    \b
    Example:
      graphx query who_strikes_whom
      graphx query what_actor_does -p actor=Iran --format json
      graphx query 'MATCH (a:Actor) RETURN a.name AS name ORDER BY name LIMIT 5' --format csv
    """
    from graphx.render import render_result
    from graphx.serve.queries import parse_params, prepare_query

    # checked before the store opens: a mistyped --param needs no store to be told so
    prepared = prepare_query(cypher_or_file, parse_params(params))
    with where.open(write=write) as store:
        result = prepared.run(store)
    render_result(result, output_format)


@main.command()
@_store_options
@click.option("--yes", is_flag=True, help="Confirm: delete everything graphx stored.")
def reset(where: StoreChoice, yes: bool) -> None:
    """Delete every actor, document, mention and edge from the store (needs --yes).

    \b
    Example:
      graphx reset --yes
      graphx reset --yes --db sanctions.lbdb
    """
    if not yes:
        raise click.UsageError("reset deletes the whole store; add --yes to confirm")
    with where.open(write=True) as store:
        store.reset()
        where = store.location  # with any password in the URI masked
    click.echo(f"reset {where}", err=True)


@main.command()
def queries() -> None:
    """List the analyst queries of the library (cypher/*.cypher) with their parameters.

    \b
    Example:
      graphx queries
    """
    from graphx.render import render_library
    from graphx.serve.queries import library

    render_library(library())


# ----------------------------------------------------------------------------- analyst surface
def _complete_actor(
    context: click.Context, parameter: click.Parameter, incomplete: str
) -> list[Any]:
    """Shell completion for an actor argument: the stored actors whose name, alias or id starts
    with what is typed (case-insensitive), offered by name. The store is the one the command
    line names so far (--db, --neo4j, else the environment), opened read-only; no store, or any
    trouble reading it, offers nothing. spaCy is never imported."""
    from click.shell_completion import CompletionItem

    try:
        names = _actor_names_starting(context, incomplete)
    except Exception:  # a completion must never print a traceback into the user's shell
        return []
    # bash inserts a candidate as typed: escape the spaces in a name (zsh and fish quote it)
    escape = os.environ.get("_GRAPHX_COMPLETE", "").startswith("bash")
    return [CompletionItem(_shell_escaped(name) if escape else name) for name in names]


def _actor_names_starting(context: click.Context, incomplete: str) -> list[str]:
    from graphx.extraction.kb import normalize_name
    from graphx.serve.network import read_actors

    where = StoreChoice(
        context.params.get("db_path"),
        context.params.get("neo4j_uri"),
        context.params.get("database"),
    )
    with where.open() as store:
        actors = read_actors(store)
    typed = incomplete.strip().strip("\"'")
    prefix, folded = typed.casefold(), normalize_name(typed)
    found = set()
    for actor_id, info in actors.items():
        name = info.get("name") or actor_id
        forms = [name, actor_id, *(info.get("aliases") or [])]
        if any(
            form.casefold().startswith(prefix) or normalize_name(form).startswith(folded)
            for form in forms
        ):
            found.add(name)
    return sorted(found, key=str.casefold)


def _shell_escaped(text: str) -> str:
    return re.sub(r"([^\w@%+=:,./-])", r"\\\1", text)


_FORMAT = click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="Output format.",
)


@dataclass(frozen=True)
class SelectionChoice:
    """The selection options as typed, resolved against a store by `resolve`."""

    actor: str | None = None
    hops: int = 1
    relations: str | None = None
    since: str | None = None
    until: str | None = None
    min_count: int = 0
    rollup: bool = False

    def resolve(self, store: Any) -> Any:
        from graphx.serve.lookup import resolve_actor
        from graphx.serve.network import Selection, check_date, parse_relations

        return Selection(
            actor=resolve_actor(store, self.actor).id if self.actor else None,
            hops=self.hops,
            relations=parse_relations(self.relations),
            since=check_date("--since", self.since),
            until=check_date("--until", self.until),
            min_count=self.min_count,
            rollup=self.rollup,
        )


def _selection_options(command: F) -> F:
    """Add the options that narrow the graph; the command receives `selection: SelectionChoice`."""

    @wraps(command)
    def wrapper(
        *args: Any,
        actor: Any,
        hops: Any,
        relations: Any,
        since: Any,
        until: Any,
        min_count: Any,
        rollup: Any,
        **kwargs: Any,
    ) -> Any:
        choice = SelectionChoice(actor, hops, relations, since, until, min_count, rollup)
        return command(*args, selection=choice, **kwargs)

    options = [
        click.option(
            "--actor",
            help="Centre on this actor (name, alias or id): its ego network.",
            shell_complete=_complete_actor,
        ),
        click.option(
            "--hops",
            type=click.IntRange(1, 6),
            default=1,
            show_default=True,
            help="With --actor: how many steps out from it.",
        ),
        click.option(
            "--relation",
            "relations",
            metavar="TYPES",
            help="Only these relation types, comma-separated (e.g. strikes,opposes).",
        ),
        click.option(
            "--since", metavar="DATE", help="Only mentions dated on or after (YYYY[-MM[-DD]])."
        ),
        click.option(
            "--until", metavar="DATE", help="Only mentions dated on or before (YYYY[-MM[-DD]])."
        ),
        click.option(
            "--min-count",
            type=click.IntRange(0),
            default=0,
            show_default=True,
            help="Only relations with at least this many mentions "
            "(1 drops knowledge-base-only links).",
        ),
        click.option(
            "--rollup",
            is_flag=True,
            help="Count each state's forces and government bodies as the state (US forces, "
            "the Pentagon -> United States); armed groups, legislatures and people stay.",
        ),
    ]
    for option in reversed(options):
        wrapper = option(wrapper)
    return wrapper  # type: ignore[return-value]


@main.command()
@_store_options
@_selection_options
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    default="graphx-view.html",
    show_default=True,
    help="The HTML file to write (self-contained, works offline).",
)
@click.option("--title", default="graphx network", show_default=True, help="The page's heading.")
def view(
    where: StoreChoice,
    selection: SelectionChoice,
    output: str,
    title: str,
) -> None:
    """Write an interactive HTML network view: filter relations and dates, search actors,
    click an actor or a relation for its evidence.

    \b
    Example:
      graphx view -o iraq.html
      graphx view --actor 'Kataib Hezbollah' --hops 2 --since 2020 -o kataib.html
    """
    from graphx.serve.view import build_view, write_view

    with where.open() as store:
        page = build_view(store, selection.resolve(store), title=title)
    for warning in page.warnings:
        click.echo(f"Warning: {warning}", err=True)
    path = write_view(page, output)
    click.echo(f"{path}: {page.nodes} actors, {page.edges} relations", err=True)


@main.command()
@click.argument("name", shell_complete=_complete_actor)
@_store_options
@click.option(
    "--evidence",
    type=click.IntRange(0),
    default=5,
    show_default=True,
    help="How many evidence sentences to show.",
)
@click.option(
    "--limit",
    type=click.IntRange(0),
    default=25,
    show_default=True,
    help="Relations shown per table, most mentioned first (0: all; JSON has all).",
)
@_FORMAT
def actor(
    name: str,
    where: StoreChoice,
    evidence: int,
    limit: int,
    output_format: str,
) -> None:
    """Who NAME is and what it does to whom: aliases, type, parents, relations in and out with
    counts and date ranges, and its best evidence. NAME may be a name, an alias or an id.

    \b
    Example:
      graphx actor US
      graphx actor 'Kataib Hezbollah' --evidence 2 --format json
    """
    from graphx.render import render_profile
    from graphx.serve.lookup import actor_profile

    with where.open() as store:
        profile = actor_profile(store, name, evidence=evidence)
    render_profile(profile, output_format, limit)


@main.command()
@click.argument("first", shell_complete=_complete_actor)
@click.argument("second", shell_complete=_complete_actor)
@_store_options
@_FORMAT
def between(
    first: str,
    second: str,
    where: StoreChoice,
    output_format: str,
) -> None:
    """Every relation between FIRST and SECOND, both ways, with its evidence sentences.

    \b
    Example:
      graphx between Iran 'United States'
      graphx between Soleimani US --format json
    """
    from graphx.render import render_between
    from graphx.serve.lookup import between as relations_between

    with where.open() as store:
        result = relations_between(store, first, second)
    render_between(result, output_format)


@main.command()
@click.argument("first", shell_complete=_complete_actor)
@click.argument("second", shell_complete=_complete_actor)
@_store_options
@click.option(
    "--max-hops",
    type=click.IntRange(1, 10),
    default=4,
    show_default=True,
    help="Longest chain to look for.",
)
@_FORMAT
def path(
    first: str,
    second: str,
    where: StoreChoice,
    max_hops: int,
    output_format: str,
) -> None:
    """The shortest chains of relations linking FIRST and SECOND (either direction per step).

    \b
    Example:
      graphx path 'Kataib Hezbollah' 'Iraqi Parliament' --max-hops 3
    """
    from graphx.render import render_paths
    from graphx.serve.lookup import paths

    with where.open() as store:
        result = paths(store, first, second, max_hops=max_hops)
    render_paths(result, output_format)


@main.command()
@click.argument("first", shell_complete=_complete_actor)
@click.argument("second", required=False, shell_complete=_complete_actor)
@_store_options
@_FORMAT
def timeline(
    first: str,
    second: str | None,
    where: StoreChoice,
    output_format: str,
) -> None:
    """Mentions by month involving FIRST, or between FIRST and SECOND, by relation.

    \b
    Example:
      graphx timeline 'Kataib Hezbollah'
      graphx timeline US Soleimani --format json
    """
    from graphx.render import render_timeline
    from graphx.serve.lookup import timeline as build_timeline

    with where.open() as store:
        result = build_timeline(store, first, second)
    render_timeline(result, output_format)


@main.command()
@_store_options
@_selection_options
@click.option(
    "--top", type=click.IntRange(1), default=20, show_default=True, help="How many actors to rank."
)
@_FORMAT
def stats(
    where: StoreChoice,
    selection: SelectionChoice,
    top: int,
    output_format: str,
) -> None:
    """Network analytics: degree, betweenness and PageRank centrality, communities, and the
    signed network (allied and hostile camps, unbalanced triads, enemies of enemies).

    \b
    Example:
      graphx stats --top 5
      graphx stats --rollup --since 2020 --format json
    """
    from graphx.render import render_stats
    from graphx.serve.analytics import compute_stats
    from graphx.serve.network import read_network

    with where.open() as store:
        graph = read_network(store, selection.resolve(store))
    render_stats(compute_stats(graph, top=top), output_format)


@main.command()
@_store_options
@_selection_options
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["graphml", "gexf", "json", "csv", "events"]),
    required=True,
    help="graphml or gexf (Gephi: typed attributes; gexf adds the timeline, colours and "
    "sizes), json (node-link), csv (a folder with nodes.csv and edges.csv), events (a CSV "
    "table, one row per relation stated in one document on one date, with PLOVER and CAMEO "
    "codes).",
)
@click.option(
    "-o", "--output", required=True, type=click.Path(), help="File (or folder, for csv) to write."
)
def export(
    where: StoreChoice,
    selection: SelectionChoice,
    output_format: str,
    output: str,
) -> None:
    """Export the actor graph (or a selection of it) for Gephi and other tools, or its
    events as a table for event-data tools.

    \b
    Example:
      graphx export --format gexf -o iraq.gexf
      graphx export --format events --relation strikes -o strikes.csv
    """
    from graphx.serve.export import export_store

    with where.open() as store:
        result = export_store(store, selection.resolve(store), output_format, output)
    click.echo(result.summary(), err=True)


@main.command()
@click.argument("sentence", required=False)
@click.option(
    "--doc",
    "doc_file",
    type=click.Path(exists=True, dir_okay=False),
    help="Explain this document (a .txt/.md/.html file) instead of SENTENCE.",
)
@click.option(
    "--sentence",
    "sentence_number",
    type=click.IntRange(1),
    help="With --doc: only its Nth sentence.",
)
@click.option(
    "--date",
    metavar="DATE",
    help="The text's date (YYYY[-MM[-DD]]), for titles held by date and relative dates.",
)
@_KB
@_KB_OVERRIDE
@click.option("--no-parse", is_flag=True, help="Leave out the token-by-token parse.")
@_FORMAT
def explain(
    sentence: str | None,
    doc_file: str | None,
    sentence_number: int | None,
    date: str | None,
    kb_files: tuple[str, ...],
    kb_override_files: tuple[str, ...],
    no_parse: bool,
    output_format: str,
) -> None:
    """Why a relation is or is not in the graph: the parse, the actors found, each rule that
    fired with its triple, and each reading refused and why.

    \b
    Example:
      graphx explain "Iran-backed militias attacked US forces." --date 2024-02-01
      graphx explain --doc data/corpus/05_soleimani_strike_2020.txt --sentence 2 --no-parse
    """
    from graphx.extraction.explain import explain_input
    from graphx.render import render_explanation

    kb = _knowledge_base(kb_files, kb_override_files)
    result = explain_input(sentence, doc_file, date=date, kb=kb, sentence=sentence_number)
    render_explanation(result, output_format, parse=not no_parse)


@main.command()
@click.option(
    "--gold",
    required=True,
    type=click.Path(exists=True, dir_okay=False),
    help="Gold triples, JSON Lines in the annotation guidelines' format.",
)
@click.option(
    "--actors",
    required=True,
    type=click.Path(exists=True, dir_okay=False),
    help="The gold's actor table (JSON: ids with names, aliases, parents).",
)
@click.argument("inputs", nargs=-1, required=True)
@_KB
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(1),
    default=1,
    show_default=True,
    help="Worker processes when documents are extracted first.",
)
@click.option("--show", is_flag=True, help="List each false alarm and each miss.")
@_FORMAT
def evaluate(
    gold: str,
    actors: str,
    inputs: tuple[str, ...],
    kb_files: tuple[str, ...],
    jobs: int,
    show: bool,
    output_format: str,
) -> None:
    """Score an extraction against analysts' gold triples: P/R/F1 overall, per relation type
    and per rule. INPUTS are graphx extract's output, or documents extracted first.

    \b
    Example:
      graphx evaluate --gold data/eval/sample.gold.jsonl \\
          --actors data/eval/sample.actors.json data/corpus --show
    """
    from graphx.extraction.evaluation import evaluate_inputs
    from graphx.render import render_evaluation

    result = evaluate_inputs(gold, actors, list(inputs), kb_files=kb_files, jobs=jobs)
    render_evaluation(result, output_format, show=show)
