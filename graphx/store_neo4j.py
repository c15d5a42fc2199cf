"""The Neo4j store: the official driver, uniqueness constraints, and batched UNWIND writes in
managed write transactions (which the driver retries on transient errors)."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from typing import Any

from graphx import cypher_statements as cypher
from graphx.graph_rows import Batch
from graphx.stores import GraphStore, QueryError, QueryResult, StoreUnavailable

ROWS_PER_STATEMENT = 5000


class Neo4jStore(GraphStore):
    # measured: 10k-mention transactions beat 2k ones (fewer commits and round trips)
    batch_size = 10_000

    def __init__(self, uri: str, *, user: str, password: str, database: str | None) -> None:
        neo4j = _import_driver()
        from neo4j.exceptions import AuthError, ConfigurationError, DriverError, Neo4jError

        self.location = uri
        self._database = database
        try:
            # Notifications (such as "label does not exist yet" on a fresh database) are noise
            self._driver = neo4j.GraphDatabase.driver(
                uri, auth=(user, password), notifications_min_severity="OFF"
            )
            self._driver.verify_connectivity()
        except AuthError as exc:
            raise StoreUnavailable(
                f"{uri}: Neo4j refused the credentials of user {user!r}"
            ) from exc
        except (ConfigurationError, ValueError) as exc:
            raise StoreUnavailable(f"{uri}: not a usable Neo4j URI ({_first_line(exc)})") from exc
        except (DriverError, Neo4jError, OSError) as exc:
            raise StoreUnavailable(
                f"{uri}: cannot reach the Neo4j server ({_first_line(exc)})"
            ) from exc
        self._schema_ready = False

    def ensure_schema(self) -> None:
        if not self._schema_ready:
            for statement in cypher.NEO4J_SCHEMA:
                self.run(statement)
            self._schema_ready = True

    def run(self, statement: str, parameters: Mapping[str, Any] | None = None) -> QueryResult:
        from neo4j.exceptions import Neo4jError

        try:
            records, _, keys = self._driver.execute_query(
                statement, dict(parameters or {}), database_=self._database
            )
        except Neo4jError as exc:
            raise QueryError(exc.message or str(exc)) from exc
        return QueryResult(list(keys), [[_plain(v) for v in record.values()] for record in records])

    def write_batch(self, batch: Batch, stale: set[str], fresh: list[dict[str, Any]]) -> None:
        actors = batch.actor_rows()
        documents = list(batch.documents.values())

        def work(tx: Any) -> None:
            for rows in _chunks(actors):
                tx.run(cypher.UPSERT_ACTORS, rows=rows).consume()
            for rows in _chunks(documents):
                tx.run(cypher.UPSERT_DOCUMENTS, rows=rows).consume()
            if stale:
                tx.run(cypher.DELETE_MENTIONS, ids=sorted(stale)).consume()
            for rows in _chunks(fresh):
                tx.run(cypher.NEO4J_INSERT_MENTIONS, rows=rows).consume()

        self._write(work)

    def write_edges(
        self, label: str, removed: list[dict[str, Any]], added: list[dict[str, Any]]
    ) -> None:
        def work(tx: Any) -> None:
            for rows in _chunks([{"source": r["source"], "target": r["target"]} for r in removed]):
                tx.run(cypher.delete_edges(label), rows=rows).consume()
            for rows in _chunks(added):
                tx.run(cypher.create_edges(label), rows=rows).consume()

        self._write(work)

    def _write(self, work: Any) -> None:
        from neo4j.exceptions import Neo4jError

        try:
            with self._driver.session(database=self._database) as session:
                session.execute_write(work)
        except Neo4jError as exc:
            raise QueryError(exc.message or str(exc)) from exc

    def insert_one_mention(self, row: Mapping[str, Any]) -> None:
        """One statement per mention: the naive loader the benchmark measures against."""
        self.run(cypher.NEO4J_INSERT_ONE_MENTION, row)

    def reset(self) -> None:
        while int(self.run(cypher.NEO4J_RESET_BATCH, {"limit": 10_000}).rows[0][0]):
            pass

    def close(self) -> None:
        driver = getattr(self, "_driver", None)
        if driver is not None:
            driver.close()
            self._driver = None


# The driver imports these when installed, only for result conversions graphx never asks for
# (to_df, to_arrow, numpy parameters); hidden while it loads, they cost 0.16 s, not 0.55 s, of
# every command's start-up. It treats them as optional: an ImportError just leaves them unused.
_DRIVER_EXTRAS = ("numpy", "pandas", "pyarrow")


def _import_driver() -> Any:
    if "neo4j" in sys.modules:
        return sys.modules["neo4j"]
    hidden = [name for name in _DRIVER_EXTRAS if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]
    try:
        import neo4j
    finally:
        for name in hidden:
            del sys.modules[name]
    return neo4j


def _chunks(rows: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    return [rows[i : i + ROWS_PER_STATEMENT] for i in range(0, len(rows), ROWS_PER_STATEMENT)]


def _plain(value: Any) -> Any:
    """Nodes and relationships as plain dicts, so results print and compare the same."""
    if hasattr(value, "items") and hasattr(value, "element_id"):
        return dict(value.items())
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0][:200]
