"""The Neo4j store: the official driver, uniqueness constraints, and batched UNWIND writes in
managed write transactions (which the driver retries on transient errors, for a few seconds).

Every call to the server goes through `_talking`, which turns the driver's and the server's
errors into one-line graphx errors naming the URI with its password masked: a lost connection
is StoreUnavailable, a write refused in read mode StoreReadOnly, a query the server rejects
QueryError with the server's own message."""

from __future__ import annotations

import contextlib
import logging
import re
import sys
from collections.abc import Iterator, Mapping
from typing import Any
from urllib.parse import unquote

from graphx.errors import QueryError, StoreError, StoreMissing, StoreReadOnly, StoreUnavailable
from graphx.store import cypher
from graphx.store.base import EdgeRows, GraphStore, QueryResult
from graphx.store.rows import Batch

ROWS_PER_STATEMENT = 5000
SUPPORTED_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
# The driver's defaults (30 s of retries, 30 s to connect, 60 s to get a pooled connection)
# turned a server that died mid-build into half a minute of silence and then a traceback.
RETRY_SECONDS = 3.0
CONNECT_SECONDS = 5.0
ACQUIRE_SECONDS = 10.0

_RATE_LIMITED = "Neo.ClientError.Security.AuthenticationRateLimit"
_UNAUTHORIZED = "Neo.ClientError.Security.Unauthorized"
_WRITE_IN_READ_MODE = "Neo.ClientError.Statement.AccessMode"

# The driver logs connection failures as warnings; with no handler anywhere Python would print
# them on stderr beside graphx's own one-line error. An application's logging still gets them.
logging.getLogger("neo4j").addHandler(logging.NullHandler())


def redact_uri(uri: str) -> str:
    """`uri` with the password of its user info masked: bolt://neo4j:***@host:7687."""
    scheme, separator, rest = uri.partition("://")
    if not separator:
        scheme, rest = "", uri
    if "@" not in rest:
        return uri
    userinfo, host = rest.rsplit("@", 1)
    user, has_password, _ = userinfo.partition(":")
    masked = f"{user}:***" if has_password else user
    return f"{scheme}{separator}{masked}@{host}"


def split_uri(uri: str) -> tuple[str, str | None, str | None]:
    """The URI without its user info (what the driver accepts), and the user and password it
    carried (None when absent). Raises StoreError for a scheme the driver cannot use here."""
    shown = redact_uri(uri)
    scheme, separator, rest = uri.strip().partition("://")
    if not separator:
        raise StoreError(
            f"{shown}: not a Neo4j URI; expected scheme://host[:port] with scheme one of "
            + ", ".join(SUPPORTED_SCHEMES)
        )
    if scheme.lower() not in SUPPORTED_SCHEMES:
        raise StoreError(
            f"{shown}: unsupported URI scheme {scheme!r}; use one of "
            + ", ".join(SUPPORTED_SCHEMES)
        )
    user = password = None
    if "@" in rest:
        userinfo, rest = rest.rsplit("@", 1)
        name, has_password, secret = userinfo.partition(":")
        user = unquote(name) or None
        password = unquote(secret) if has_password else None
    if not rest or rest.startswith(("/", ":", "?")):
        raise StoreError(f"{shown}: the URI names no host")
    return f"{scheme.lower()}://{rest}", user, password


class Neo4jStore(GraphStore):
    # measured: 10k-mention transactions beat 2k ones (fewer commits and round trips)
    batch_size = 10_000

    def __init__(
        self,
        uri: str,
        *,
        user: str,
        password: str,
        database: str | None,
        read_only: bool = False,
    ) -> None:
        self.location = redact_uri(uri)
        self.read_only = read_only
        self._driver: Any = None
        self._owns_driver = True
        address, uri_user, uri_password = split_uri(uri)
        self._user = uri_user or user
        if uri_password is not None:
            password = uri_password
        self._database = database
        neo4j = _import_driver()
        self._routing = neo4j.RoutingControl.READ if read_only else neo4j.RoutingControl.WRITE
        try:
            with self._talking(connecting=True):
                # Notifications (such as "label does not exist yet" on a fresh database) are noise
                self._driver = neo4j.GraphDatabase.driver(
                    address,
                    auth=(self._user, password),
                    notifications_min_severity="OFF",
                    max_transaction_retry_time=RETRY_SECONDS,
                    connection_timeout=CONNECT_SECONDS,
                    connection_acquisition_timeout=ACQUIRE_SECONDS,
                )
                self._driver.verify_connectivity()
            self._check_readable()
        except BaseException:
            self.close()
            raise
        self._schema_ready = read_only  # a reader never creates the schema

    @classmethod
    def from_driver(
        cls, driver: Any, *, database: str | None = None, read_only: bool = False
    ) -> Neo4jStore:
        """A store on a driver the caller owns (a notebook's, an application's): graphx
        uses it and never closes it. `database` as for `open_store`."""
        store = cls.__new__(cls)
        store.read_only = read_only
        store._driver = driver
        store._owns_driver = False
        store._user = "the driver's user"
        store._database = database
        try:
            address = driver.get_server_info().address
            store.location = f"neo4j://{address[0]}:{address[1]}"
        except Exception:  # an unreachable server is reported by the first query, named
            store.location = "the Neo4j driver's server"
        neo4j = _import_driver()
        store._routing = neo4j.RoutingControl.READ if read_only else neo4j.RoutingControl.WRITE
        store._check_readable()
        store._schema_ready = read_only
        return store

    def _check_readable(self) -> None:
        """A reader needs a graphx store of the current graph model with something in it."""
        if self.read_only and not self.run(cypher.ANY_ACTOR).rows:
            raise StoreMissing(self.location)
        if self.read_only:
            self.check_graph_model()

    @contextlib.contextmanager
    def _talking(self, connecting: bool = False) -> Iterator[None]:
        """Run a call to the server, turning its failures into one-line graphx errors."""
        from neo4j.exceptions import (
            AuthError,
            ConfigurationError,
            DriverError,
            Neo4jError,
            ServiceUnavailable,
            SessionExpired,
        )

        where = self.location
        try:
            yield
        except Neo4jError as exc:
            code = exc.code or ""
            if code == _RATE_LIMITED:
                raise StoreUnavailable(
                    f"{where}: Neo4j refuses logins for now after too many failed attempts; "
                    "wait and retry"
                ) from exc
            if isinstance(exc, AuthError) or code == _UNAUTHORIZED:
                raise StoreUnavailable(
                    f"{where}: Neo4j refused the credentials of user {self._user!r}"
                ) from exc
            if code == _WRITE_IN_READ_MODE:
                raise StoreReadOnly(where) from exc
            if connecting:
                raise StoreUnavailable(
                    f"{where}: cannot reach the Neo4j server ({_first_line(exc)})"
                ) from exc
            raise QueryError(exc.message or str(exc)) from exc
        except (ConfigurationError, ValueError) as exc:
            raise StoreError(f"{where}: not a usable Neo4j URI ({_first_line(exc)})") from exc
        except (ServiceUnavailable, SessionExpired, OSError) as exc:
            # also IncompleteCommit (a ServiceUnavailable), a connection reset mid-transaction
            doing = "cannot reach" if connecting else "lost the connection to"
            raise StoreUnavailable(
                f"{where}: {doing} the Neo4j server ({_first_line(exc)})"
            ) from exc
        except DriverError as exc:
            raise StoreError(f"{where}: {_first_line(exc)}") from exc

    def ensure_schema(self) -> None:
        if not self._schema_ready:
            for statement in cypher.NEO4J_SCHEMA:
                self.run(statement)
            self._schema_ready = True

    def run(self, statement: str, parameters: Mapping[str, Any] | None = None) -> QueryResult:
        with self._talking():
            # routing_=READ runs it in a read transaction: the server refuses any write in it
            records, _, keys = self._driver.execute_query(
                statement, dict(parameters or {}), database_=self._database, routing_=self._routing
            )
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

    def write_edges(self, changes: Mapping[str, EdgeRows]) -> None:
        def work(tx: Any) -> None:
            for label, (removed, added) in changes.items():
                ends = [{"source": r["source"], "target": r["target"]} for r in removed]
                for rows in _chunks(ends):
                    tx.run(cypher.delete_edges(label), rows=rows).consume()
                for rows in _chunks(added):
                    tx.run(cypher.create_edges(label), rows=rows).consume()

        self._write(work)

    def _write(self, work: Any) -> None:
        if self.read_only:
            raise StoreReadOnly(self.location, "graphx tried to load into it")
        with self._talking(), self._driver.session(database=self._database) as session:
            session.execute_write(work)

    def reset(self) -> None:
        for statement in (cypher.NEO4J_RESET_MENTIONS, cypher.NEO4J_RESET_BATCH):
            while int(self.run(statement, {"limit": 10_000}).rows[0][0]):
                pass

    def close(self) -> None:
        driver, self._driver = getattr(self, "_driver", None), None
        if driver is not None and getattr(self, "_owns_driver", True):
            # After the server died there is nothing left to close cleanly; the error that
            # brought us here is the one to report.
            with contextlib.suppress(Exception):
                driver.close()


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
    """The gist of a driver error in one line: its first line, and the operating system's
    reason when the driver buried it further down (`Connection refused`)."""
    text = str(exc).strip()
    first = (text.splitlines() or [type(exc).__name__])[0].rstrip(":")
    reason = re.search(r"\(reason (?:\[Errno -?\d+\] )?([^()]*)\)", text)
    if reason and reason.group(1) not in first:
        first = f"{first}: {reason.group(1)}"
    return first[:200]
