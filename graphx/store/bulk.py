"""Bulk first loads into Neo4j: the graph the online loader would build from some relation
mentions, written as the header and data CSV files that Neo4j's own import tool
(`neo4j-admin database import full`) reads into an empty database, with the command that does
it (DIR/import.sh, DIR/import.args, DIR/README).

The rows come from the online loader's own code, so the two cannot drift: the mentions go
through `rows.batches_by_document` with the Neo4j store's batch size (a provisional actor named
differently in two batches ends up with the name the online loader would leave it), the actors
are then brought in line with the knowledge base as `GraphStore.sync_actors` does (the same
`RowBuilder.actor_closure`), and the typed edges are `rows.desired_edges` of the same
aggregates `MENTION_AGGREGATES` counts in the store. The imported graph is marked with the
current graph model and no load under way, so a later `graphx load` continues online on top of
it (and creates the uniqueness constraints, which the import tool cannot make for Neo4j's
record format).

One difference the CSV format imposes: an actor with no aliases has no `aliases` property
after an import (an empty array cannot be written), where the online loader stores an empty
list; every reader treats the two alike, and a later online load leaves them as they are.
"""

from __future__ import annotations

import shlex
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from graphx.errors import ExportError, InputError
from graphx.extraction.kb import KnowledgeBase, load_knowledge_base
from graphx.models import Document, RelationMention
from graphx.store import cypher
from graphx.store.rows import (
    EDGE_LABELS,
    RowBuilder,
    batches_by_document,
    by_document,
    desired_edges,
)

# Between the elements of an array value (an actor's aliases): a control character no name has.
ARRAY_DELIMITER = "\x1f"
ARRAY_DELIMITER_OPTION = "--array-delimiter=U+001F"
# The online loader's transactions: the same batches give the same actor rows (see above).
BATCH_SIZE = 10_000
# The database Neo4j Community serves (and the import tool's default).
DEFAULT_DATABASE = "neo4j"

_TYPES = {"STRING": "string", "INT64": "long", "DOUBLE": "double", "BOOLEAN": "boolean"}
ACTOR_FIELDS: list[tuple[str, str]] = [
    ("name", "string"),
    ("type", "string"),
    ("aliases", "string[]"),
    ("country", "string"),
    ("wikidata", "string"),
    ("provisional", "boolean"),
    ("rollup", "string"),
]
EDGE_FIELDS: list[tuple[str, str]] = [
    ("mentions", "long"),
    ("documents", "long"),
    ("sources", "long"),
    ("first_date", "string"),
    ("last_date", "string"),
    ("weight", "double"),
    ("kb", "boolean"),
]
# The mention links (Mention -> Document or Actor), by the Mention row's field naming the end.
MENTION_LINKS: dict[str, tuple[str, str]] = {
    "IN_DOCUMENT": ("doc", "Document"),
    "SOURCE": ("source_id", "Actor"),
    "TARGET": ("target_id", "Actor"),
    "CLAIMED_BY": ("claimed_by", "Actor"),
}
# The bookkeeping nodes a finished online load leaves (cypher.MARK_GRAPH_MODEL, MARK_LOAD).
STATE_ROWS = [
    {"id": cypher.GRAPH_MODEL, "under_way": False},
    {"id": "load", "under_way": False},
]

Progress = Callable[[int], None]


@dataclass
class BulkExport:
    """What an export wrote: its folder, the rows per node label and relationship type, the
    neo4j-admin options (relative to the folder) and the lines of the inputs it skipped."""

    directory: Path
    nodes: dict[str, int] = field(default_factory=dict)
    relationships: dict[str, int] = field(default_factory=dict)
    options: list[str] = field(default_factory=list)
    failures: list[InputError] = field(default_factory=list)

    def command(self, admin: str = "neo4j-admin", database: str = DEFAULT_DATABASE) -> str:
        """The import as one shell command line, every word quoted as the shell needs."""
        words = [admin, "database", "import", "full", database, *self.options]
        return f"cd {shlex.quote(str(self.directory))} && " + " ".join(map(shlex.quote, words))


class _CsvFile:
    """One header file and one data file of the import tool's CSV: strings always quoted (an
    empty string stays one), an absent value an empty field, numbers and booleans bare."""

    def __init__(self, directory: Path, name: str, columns: Sequence[tuple[str, str]]) -> None:
        self.name = name
        self.header = f"{name}-header.csv"
        self.data = f"{name}.csv"
        self.rows = 0
        self.multiline = False
        (directory / self.header).write_text(
            ",".join(_header_name(column, kind) for column, kind in columns) + "\n",
            encoding="utf-8",
        )
        self._formats = [_FORMATS.get(kind, _text) for _, kind in columns]
        self._handle: IO[str] = (directory / self.data).open("w", encoding="utf-8", newline="")

    def write(self, values: Sequence[Any]) -> None:
        line = ",".join([form(value) for form, value in zip(self._formats, values, strict=True)])
        if not self.multiline and ("\n" in line or "\r" in line):
            self.multiline = True
        self._handle.write(line + "\n")
        self.rows += 1

    def write_link(self, start: str, end: str) -> None:
        """A row of a file with only the two ends (the mention links): the common case."""
        self._handle.write(f"{_text(start)},{_text(end)}\n")
        self.rows += 1

    def close(self) -> None:
        self._handle.close()

    @property
    def files(self) -> str:
        return f"{self.header},{self.data}"


def _header_name(column: str, kind: str) -> str:
    if kind.startswith((":", "id:")) or kind == "":
        return kind or column
    return f"{column}:{kind}"


# How each kind of value is written; None (no property) is an empty field throughout.
def _text(value: Any) -> str:
    if value is None:
        return ""
    return '"' + str(value).replace('"', '""') + '"'


def _long(value: Any) -> str:
    return "" if value is None else str(int(value))


def _double(value: Any) -> str:
    return "" if value is None else repr(float(value))


def _boolean(value: Any) -> str:
    return "" if value is None else ("true" if value else "false")


def _array(value: Any) -> str:
    items = [str(item) for item in value or ()]
    if not items:
        return ""  # the import tool cannot write an empty array: no property
    if any(ARRAY_DELIMITER in item for item in items):
        raise ExportError(f"an array value holds the array delimiter U+001F: {items!r}")
    return _text(ARRAY_DELIMITER.join(items))


_FORMATS: dict[str, Callable[[Any], str]] = {
    "string": _text,
    "long": _long,
    "double": _double,
    "boolean": _boolean,
    "string[]": _array,
}


def _id_columns(label: str, fields: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    return [("id", f"id:ID({label})"), *fields]


def _link_columns(start: str, end: str, fields: Sequence[tuple[str, str]] = ()) -> list:
    return [("", f":START_ID({start})"), ("", f":END_ID({end})"), *fields]


def bulk_export(
    paths: Sequence[str],
    directory: str | Path,
    *,
    kb_files: Sequence[str] = (),
    kb_override_files: Sequence[str] = (),
    progress: Progress | None = None,
) -> BulkExport:
    """Write the graph of the relation mentions in `paths` (JSON Lines written by `graphx
    extract`, or its `--dask` output folders, read in order) to `directory` for the import
    tool. Bad lines
    are skipped and returned as the export's failures, as `graphx load` does."""
    from graphx.store.loading import read_mentions

    kb = load_knowledge_base(kb_files, kb_override_files)
    failures: list[InputError] = []

    files = list(_mention_files(paths))
    for path in files:  # before anything is written
        if not Path(path).is_file():
            raise InputError(path, "no such file")

    def relations() -> Iterator[RelationMention]:
        for path in files:
            yield from read_mentions(path, failures, progress)

    export = export_relations(relations(), directory, kb=kb)
    export.failures = failures
    return export


def _mention_files(paths: Sequence[str]) -> Iterator[str]:
    """The files `graphx load` would read for each path: a file, or a `graphx extract --dask`
    folder's shards in order (loading.mention_files)."""
    from graphx.store.loading import mention_files

    for path in paths:
        yield from mention_files(path)


def export_relations(
    relations: Iterable[RelationMention],
    directory: str | Path,
    documents: Iterable[Document] = (),
    *,
    kb: KnowledgeBase | None = None,
) -> BulkExport:
    """Write the graph `loading.load_relations(store, relations, documents)` would build in an
    empty store to `directory` (made if missing; it must hold nothing else) as the import
    tool's CSV files, with the command that imports them. Raises ExportError when the folder
    cannot be used or written."""
    kb = kb or load_knowledge_base()
    created = not Path(directory).exists()
    out = _empty_folder(Path(directory))
    try:
        return _write(out, relations, documents, kb)
    except BaseException as exc:
        # nothing half-written is left: the folder was empty (or not there) before
        for written in out.iterdir():
            written.unlink(missing_ok=True)
        if created:
            out.rmdir()
        if isinstance(exc, OSError):
            raise ExportError(f"{out}: {exc.strerror or exc}") from exc
        raise


def _empty_folder(path: Path) -> Path:
    try:
        path.mkdir(parents=True, exist_ok=True)
        if any(path.iterdir()):
            raise ExportError(f"{path}: not empty; bulk-export writes into a new or empty folder")
    except OSError as exc:
        raise ExportError(f"{path}: {exc.strerror or exc}") from exc
    return path.resolve()


def _weights() -> Mapping[str, int]:
    from graphx.store.loading import _weights

    return _weights()


def _write(
    out: Path,
    relations: Iterable[RelationMention],
    documents: Iterable[Document],
    kb: KnowledgeBase,
) -> BulkExport:
    builder = RowBuilder(kb)
    mention_file = _CsvFile(
        out,
        "mentions",
        _id_columns("Mention", [(n, _TYPES[t]) for n, t in cypher.MENTION_FIELDS[1:]]),
    )
    link_files = {
        link: _CsvFile(out, link.lower(), _link_columns("Mention", end))
        for link, (_, end) in MENTION_LINKS.items()
    }
    document_rows: dict[str, dict[str, Any]] = {}
    actor_rows: dict[str, dict[str, Any]] = {}
    named: set[str] = set()  # actors a mention names (as source, target or claimant)
    mention_ids: set[str] = set()
    # (source, relation, target) -> [mentions, documents, first date, last date]
    aggregates: dict[tuple[str, str, str], list[Any]] = {}
    try:
        for batch in batches_by_document(by_document(relations, documents), builder, BATCH_SIZE):
            # a later batch's rows replace an earlier one's, as its transaction would
            document_rows.update(batch.documents)
            actor_rows.update(batch.actors)
            for mention_id, row in batch.mentions.items():
                if mention_id in mention_ids:
                    continue
                mention_ids.add(mention_id)
                mention_file.write([row[name] for name in cypher.MENTION_COLUMNS])
                for link, (end, _) in MENTION_LINKS.items():
                    if row[end] is not None:
                        link_files[link].write_link(mention_id, row[end])
                named.update((row["source_id"], row["target_id"]))
                if row["claimed_by"] is not None:
                    named.add(row["claimed_by"])
                if not row["negated"]:
                    _count(aggregates, row)
    finally:
        mention_file.close()
        for link_file in link_files.values():
            link_file.close()

    # GraphStore.sync_actors: the actors named, and their parents, as the knowledge base has
    # them (an actor it does not know keeps the row its last batch wrote)
    actors = builder.actor_closure([actor_rows[actor_id] for actor_id in named])
    outlets = {doc_id: row.get("outlet") for doc_id, row in document_rows.items()}
    edges = desired_edges(
        (_aggregate(key, value, outlets) for key, value in aggregates.items()),
        _weights(),
        _kb_links(actors, kb),
    )

    nodes = [
        _table(out, "actors", _id_columns("Actor", ACTOR_FIELDS), actors.values()),
        _table(
            out,
            "documents",
            _id_columns("Document", [(n, "string") for n in cypher.DOCUMENT_FIELDS[1:]]),
            document_rows.values(),
        ),
        mention_file,
        _table(
            out, "graphx-state", _id_columns("GraphxState", [("under_way", "boolean")]), STATE_ROWS
        ),
    ]
    labels = ["Actor", "Document", "Mention", "GraphxState"]
    relationships = list(link_files.items())
    for label in EDGE_LABELS.values():
        rows = [{"source": s, "target": t, **edge} for (s, t), edge in edges[label].items()]
        columns = _link_columns("Actor", "Actor", EDGE_FIELDS)
        relationships.append(
            (label, _table(out, label.lower(), columns, rows, keys=["source", "target"]))
        )

    options = [f"--nodes={label}={table.files}" for label, table in zip(labels, nodes, strict=True)]
    options += [f"--relationships={label}={table.files}" for label, table in relationships]
    options.append(ARRAY_DELIMITER_OPTION)
    if any(table.multiline for table in nodes) or any(t.multiline for _, t in relationships):
        options.append("--multiline-fields=true")
    export = BulkExport(
        out,
        nodes={label: table.rows for label, table in zip(labels, nodes, strict=True)},
        relationships={label: table.rows for label, table in relationships},
        options=options,
    )
    _write_instructions(export)
    return export


def _count(aggregates: dict[tuple[str, str, str], list[Any]], row: Mapping[str, Any]) -> None:
    key = (row["source_id"], row["relation"], row["target_id"])
    entry = aggregates.get(key)
    date = row["date"]
    if entry is None:
        aggregates[key] = [1, {row["doc"]}, date, date]
        return
    entry[0] += 1
    entry[1].add(row["doc"])
    if date is not None:
        if entry[2] is None or date < entry[2]:
            entry[2] = date
        if entry[3] is None or date > entry[3]:
            entry[3] = date


def _aggregate(
    key: tuple[str, str, str], entry: list[Any], outlets: Mapping[str, str | None]
) -> dict[str, Any]:
    """A row as cypher.MENTION_AGGREGATES returns it (count(DISTINCT) skips absent outlets)."""
    mentions, docs, first, last = entry
    distinct_outlets = {outlets.get(doc) for doc in docs} - {None}
    return {
        "source": key[0],
        "relation": key[1],
        "target": key[2],
        "mentions": mentions,
        "documents": len(docs),
        "sources": len(distinct_outlets),
        "first_date": first,
        "last_date": last,
    }


def _kb_links(actors: Mapping[str, Any], kb: KnowledgeBase) -> list[tuple[str, str]]:
    """The knowledge base's memberships among the actors, as GraphStore.sync_edges takes them."""
    return [
        (actor_id, parent)
        for actor_id in actors
        if actor_id in kb
        for parent in kb.get(actor_id).parents
        if parent in actors
    ]


def _table(
    out: Path,
    name: str,
    columns: Sequence[tuple[str, str]],
    rows: Iterable[Mapping[str, Any]],
    keys: Sequence[str] = ("id",),
) -> _CsvFile:
    table = _CsvFile(out, name, columns)
    names = [*keys, *(column for column, _ in columns[len(keys) :])]
    try:
        for row in rows:
            table.write([row.get(name) for name in names])
    finally:
        table.close()
    return table


_SCRIPT = """#!/usr/bin/env bash
# Written by `graphx bulk-export`: imports this folder into a new Neo4j 5 database with the
# import tool, the server stopped.
#
#   [NEO4J_ADMIN=/path/to/neo4j-admin] [NEO4J_DATABASE=neo4j] bash import.sh [OPTION...]
#
# OPTIONs go to `neo4j-admin database import full` as they are, for instance
# --overwrite-destination=true to replace a database that already exists (everything in it
# is lost). graphx's own local server: scripts/neo4j-local import THIS_FOLDER.
set -euo pipefail
admin="${{NEO4J_ADMIN:-neo4j-admin}}"
# a relative path names a file from where this script was started, not from this folder
if [[ "${{admin}}" == */* && "${{admin}}" != /* ]]; then admin="${{PWD}}/${{admin}}"; fi
cd "$(dirname "${{BASH_SOURCE[0]}}")"
exec "${{admin}}" database import full "${{NEO4J_DATABASE:-{database}}}" \\
{options}    "$@"
"""

_README = """# A graphx graph for Neo4j's import tool

Written by `graphx bulk-export`: the graph `graphx load` would build from the same mentions in
an empty store, as header and data CSV files for `neo4j-admin database import full` (Neo4j 5).

Nodes: {nodes}
Relationships: {relationships}

Import it with the server stopped into a database not created yet (the tool refuses one that
exists, even empty, unless given --overwrite-destination=true, which deletes what it holds),
from this folder (the file names are relative to it):

    {command}

or run `bash import.sh` here (NEO4J_ADMIN names neo4j-admin when it is not on the PATH,
NEO4J_DATABASE the database; options given to it are passed on, such as
`--overwrite-destination=true` to replace a database that exists: everything in it is lost).
For graphx's local server: `scripts/neo4j-local stop && scripts/neo4j-local import {folder}`.
`import.args` holds the options, one a line.

Then start the server. The first `graphx load` on it creates graphx's uniqueness constraints
(the import tool cannot for Neo4j's record format) and continues online: loading the same
mentions again changes nothing, new ones are added as usual.
"""


def _write_instructions(export: BulkExport) -> None:
    out = export.directory
    (out / "import.args").write_text("".join(f"{o}\n" for o in export.options), encoding="utf-8")
    script = out / "import.sh"
    script.write_text(
        _SCRIPT.format(
            database=DEFAULT_DATABASE,
            options="".join(f"    {shlex.quote(option)} \\\n" for option in export.options),
        ),
        encoding="utf-8",
    )
    script.chmod(0o755)
    (out / "README").write_text(
        _README.format(
            nodes=", ".join(f"{label} {n}" for label, n in export.nodes.items()),
            relationships=", ".join(f"{t} {n}" for t, n in export.relationships.items()),
            command=export.command(),
            folder=shlex.quote(str(out)),
        ),
        encoding="utf-8",
    )
