"""The embedded store: LadybugDB (embedded Cypher with a declared schema), no server needed.

Actors and documents are upserted with UNWIND batches; mentions, their links and the typed
edges, which are many, are bulk-loaded with COPY from Arrow tables inside the same transaction.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from graphx import cypher_statements as cypher
from graphx.graph_rows import Batch
from graphx.stores import GraphStore, QueryError, QueryResult, StoreError, StoreInUse

_EDGE_COLUMNS = ("source", "target", "count", "first_date", "last_date", "weight", "kb")


class EmbeddedStore(GraphStore):
    # LadybugDB pays a fixed cost per COPY and commit: big transactions load ~10x faster
    batch_size = 50_000

    def __init__(self, path: Path) -> None:
        import ladybug

        self.location = str(path)
        if path.is_dir():
            raise StoreError(f"{path}: is a folder; the embedded store is a single file")
        try:
            # Keep auto_checkpoint on: COPY bypasses the write-ahead log and is made durable by
            # the checkpoint its commit triggers. Turned off, loads ran 25% faster, but a
            # killed load lost its COPY'd rows and the WAL replay then crashed the next open.
            self._db = ladybug.Database(str(path))
            self._conn = ladybug.Connection(self._db)
        except RuntimeError as exc:
            message = str(exc)
            if "lock" in message.lower():
                holder = re.search(r"held by PID (\d+)", message)
                who = f" (process {holder.group(1)})" if holder else ""
                raise StoreInUse(f"{path}: store is in use by another process{who}") from exc
            reason = message.splitlines()[0].replace("Runtime exception: ", "")
            raise StoreError(f"{path}: cannot open the store: {reason}") from exc
        self._schema_ready = False

    def ensure_schema(self) -> None:
        if self._schema_ready:
            return
        for statement in cypher.EMBEDDED_SCHEMA:
            self.run(statement)
        self._schema_ready = True

    def run(self, statement: str, parameters: Mapping[str, Any] | None = None) -> QueryResult:
        try:
            result = self._conn.execute(statement, dict(parameters or {}))
        except RuntimeError as exc:
            raise QueryError(str(exc).strip()) from exc
        columns = list(result.get_column_names())
        return QueryResult(
            columns,
            [[v if type(v) in _PLAIN else _plain(v) for v in row] for row in result.get_all()],
        )

    def query(self, statement: str, parameters: Mapping[str, Any] | None = None) -> QueryResult:
        self.ensure_schema()  # an empty store answers queries with no rows, not errors
        return self.run(statement, parameters)

    def _transaction(self, work) -> None:  # type: ignore[no-untyped-def]
        self.run("BEGIN TRANSACTION")
        try:
            work()
        except BaseException:
            with contextlib.suppress(QueryError):  # LadybugDB may have rolled back already
                self.run("ROLLBACK")
            raise
        self.run("COMMIT")

    def write_batch(self, batch: Batch, stale: set[str], fresh: list[dict[str, Any]]) -> None:
        def work() -> None:
            # MERGE costs ~50 us a row here; COPY is for rows new to the store
            self._upsert("Actor", batch.actor_rows(), cypher.UPSERT_ACTORS, _actor_schema())
            self._upsert(
                "Document",
                list(batch.documents.values()),
                cypher.UPSERT_DOCUMENTS,
                _document_schema(),
            )
            if stale:
                self.run(cypher.DELETE_MENTIONS, {"ids": sorted(stale)})
            if fresh:
                self._copy_mentions(fresh)

        self._transaction(work)

    def _upsert(self, table: str, rows: list[dict[str, Any]], merge: str, schema: Any) -> None:
        import pyarrow as pa

        if not rows:
            return
        known = {
            row[0]
            for row in self.run(
                cypher.EMBEDDED_EXISTING[table], {"ids": [r["id"] for r in rows]}
            ).rows
        }
        old = [r for r in rows if r["id"] in known]
        new = [r for r in rows if r["id"] not in known]
        if old:
            self.run(merge, {"rows": old})
        if new:
            columns = {name: [r[name] for r in new] for name in schema.names}
            self.run(cypher.EMBEDDED_COPY[table], {"rows": pa.table(columns, schema=schema)})

    def _copy_mentions(self, rows: list[dict[str, Any]]) -> None:
        import pyarrow as pa

        columns = {name: [row[name] for row in rows] for name in cypher.MENTION_COLUMNS}
        self.run(
            cypher.EMBEDDED_COPY["Mention"], {"rows": pa.table(columns, schema=_mention_schema())}
        )
        ids = columns["id"]
        links = {
            "IN_DOCUMENT": columns["doc"],
            "SOURCE": columns["source_id"],
            "TARGET": columns["target_id"],
        }
        for table, targets in links.items():
            self.run(cypher.EMBEDDED_COPY[table], {"rows": _link_table(ids, targets)})
        claimed = [(i, c) for i, c in zip(ids, columns["claimed_by"], strict=True) if c]
        if claimed:
            self.run(
                cypher.EMBEDDED_COPY["CLAIMED_BY"],
                {"rows": _link_table([i for i, _ in claimed], [c for _, c in claimed])},
            )

    def write_edges(
        self, label: str, removed: list[dict[str, Any]], added: list[dict[str, Any]]
    ) -> None:
        import pyarrow as pa

        def work() -> None:
            if removed:
                rows = [{"source": r["source"], "target": r["target"]} for r in removed]
                self.run(cypher.delete_edges(label), {"rows": rows})
            if added:
                # COPY, not UNWIND ... CREATE: measured ~1.4k edges/s the latter way
                table = pa.table(
                    {k: [r[k] for r in added] for k in _EDGE_COLUMNS}, schema=_edge_schema()
                )
                self.run(cypher.embedded_copy_edges(label), {"rows": table})

        self._transaction(work)

    def reset(self) -> None:
        for statement in cypher.EMBEDDED_DROP:
            self.run(statement)
        self._schema_ready = False

    def close(self) -> None:
        conn, db = getattr(self, "_conn", None), getattr(self, "_db", None)
        if conn is not None:
            conn.close()
        if db is not None:
            db.close()
        self._conn = self._db = None


_PLAIN = {str, int, float, bool, type(None)}


def _plain(value: Any) -> Any:
    """LadybugDB sums 64-bit integers into 128-bit ones, which Python sees as Decimal."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if not str(k).startswith("_")}
    return value


def _mention_schema() -> Any:
    import pyarrow as pa

    arrow = {
        "STRING": pa.string(),
        "INT64": pa.int64(),
        "DOUBLE": pa.float64(),
        "BOOLEAN": pa.bool_(),
    }
    return pa.schema([(name, arrow[kind]) for name, kind in cypher.MENTION_FIELDS])


def _actor_schema() -> Any:
    import pyarrow as pa

    text = pa.string()
    return pa.schema(
        [
            ("id", text),
            ("name", text),
            ("type", text),
            ("aliases", pa.list_(text)),
            ("country", text),
            ("wikidata", text),
            ("provisional", pa.bool_()),
        ]
    )


def _document_schema() -> Any:
    import pyarrow as pa

    return pa.schema([(name, pa.string()) for name in ("id", "title", "date", "url")])


def _edge_schema() -> Any:
    import pyarrow as pa

    return pa.schema(
        [
            ("source", pa.string()),
            ("target", pa.string()),
            ("count", pa.int64()),
            ("first_date", pa.string()),
            ("last_date", pa.string()),
            ("weight", pa.float64()),
            ("kb", pa.bool_()),
        ]
    )


def _link_table(sources: list[str], targets: list[str]) -> Any:
    import pyarrow as pa

    return pa.table({"from": pa.array(sources, pa.string()), "to": pa.array(targets, pa.string())})
