"""The embedded store: LadybugDB (embedded Cypher with a declared schema), no server needed.

Actors and documents are upserted with UNWIND batches; mentions, their links and the typed
edges, which are many, are bulk-loaded with COPY from Arrow tables inside the same transaction.

Opened read-only, the store is a LadybugDB READ_ONLY database, which refuses writing clauses
and lets several processes read at once. LadybugDB itself locks the file only for a writer
(a POSIX lock) and nothing stops a writer from rewriting pages under a reader's cache, so
each reader also holds a shared lock of its own on the file (an open-file-description lock,
which LadybugDB's writer lock conflicts with): readers share the file, a writer waits for
them, and a reader arriving while a writer works is told who holds it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import signal
import struct
import time
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from graphx.errors import (
    GraphxError,
    QueryError,
    StoreDamaged,
    StoreError,
    StoreInterrupted,
    StoreInUse,
    StoreMissing,
    StoreReadOnly,
)
from graphx.store import cypher
from graphx.store.base import EdgeRows, GraphStore, QueryResult
from graphx.store.rows import EDGE_COUNTS, Batch

_EDGE_COLUMNS = (
    "source",
    "target",
    *EDGE_COUNTS,
    "first_date",
    "last_date",
    "weight",
    "kb",
)
# Every LadybugDB database file starts with these bytes (then a format version).
_MAGIC = b"LBUG"
# The tables a graphx store has; a file with none of them is not (yet) a graphx store.
_GRAPHX_TABLES = frozenset(
    re.search(r"IF NOT EXISTS (\w+)", statement).group(1)  # type: ignore[union-attr]
    for statement in cypher.EMBEDDED_SCHEMA
)
# What LadybugDB says when a store's pages do not hold what they should.
_DAMAGE = re.compile(
    r"corrupt|not a valid Lbug database|Storage exception|Assertion failed|UNREACHABLE_CODE"
    r"|Cannot read (checkpoint|PIP page|disk array)|out of bounds for file"
    # C++ container lookups failing inside LadybugDB: indexes read from overwritten pages
    r"|unordered_map::at|_M_range_check|basic_string::|std::bad_alloc",
    re.IGNORECASE,
)
_READ_ONLY_REFUSAL = "Cannot execute write operations in a read-only database"
_RECOVERY_PENDING = "checkpoint recovery is pending"
# A CHECKPOINT slips past LadybugDB's read-only check, fails half-way and leaves recovery
# files behind that stop every later reader (LadybugDB 0.22): refused before it gets there.
_CHECKPOINT = re.compile(r"\bCHECKPOINT\b", re.IGNORECASE)
_LITERALS = re.compile(
    r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`|//[^\n]*|/\*.*?\*/", re.DOTALL
)


class EmbeddedStore(GraphStore):
    # Mentions per write_batch: each pays ~15 ms a COPY (seven of them) however few its rows;
    # measured on 100k mentions, 50k batches loaded in 2.4 s, 10k ones in 3.2 s. Commits are
    # fewer still (_LoadTransaction).
    batch_size = 50_000

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        import ladybug

        self.location = str(path)
        self.read_only = read_only
        self._conn: Any = None
        self._load: _LoadTransaction | None = None
        self._db: Any = None
        self._reader_lock: _ReaderLock | None = None
        if path.is_dir():
            raise StoreError(f"{path}: is a folder; the embedded store is a single file")
        if read_only and not path.exists():
            raise StoreMissing(self.location)
        _check_header(path, read_only)
        try:
            if read_only:
                self._reader_lock = _ReaderLock(path)
                _survives_opening(path)
            # Keep auto_checkpoint on: COPY bypasses the write-ahead log and is made durable by
            # the checkpoint its commit triggers. Turned off, loads ran 25% faster, but a
            # killed load lost its COPY'd rows and the WAL replay then crashed the next open.
            self._db = ladybug.Database(str(path), read_only=read_only)
            self._conn = ladybug.Connection(self._db)
        except (RuntimeError, ValueError, MemoryError) as exc:
            # ValueError and MemoryError: LadybugDB's C++ errors on overwritten pages
            # (basic_string::..., std::bad_alloc from a garbage length)
            self.close()
            raise _open_error(path, str(exc)) from exc
        except BaseException:
            self.close()
            raise
        self._schema_ready = read_only  # a reader never creates the schema
        if read_only:
            try:
                self._require_graph()
            except BaseException:
                self.close()
                raise

    def _require_graph(self) -> None:
        """A reader needs a graphx store with something in it, not an empty file."""
        tables = {row[0] for row in self.run(cypher.EMBEDDED_TABLES).rows}
        if not tables & _GRAPHX_TABLES or "Actor" not in tables:
            raise StoreMissing(self.location)
        if missing := _GRAPHX_TABLES - tables:
            raise StoreDamaged(self.location, f"tables missing: {', '.join(sorted(missing))}")
        if not self.run(cypher.ANY_ACTOR).rows:
            raise StoreMissing(self.location)
        self.check_graph_model()

    def ensure_schema(self) -> None:
        if self._schema_ready:
            return
        for statement in cypher.EMBEDDED_SCHEMA:
            self.run(statement)
        self._schema_ready = True

    def run(self, statement: str, parameters: Mapping[str, Any] | None = None) -> QueryResult:
        if self.read_only and _CHECKPOINT.search(_LITERALS.sub(" ", statement)):
            raise StoreReadOnly(self.location, "CHECKPOINT writes the store")
        try:
            result = self._conn.execute(statement, dict(parameters or {}))
            columns = list(result.get_column_names())
            rows = result.get_all()
        except (RuntimeError, ValueError, MemoryError) as exc:
            if self._load is not None:
                self._load.failed = True
            raise self._failure(str(exc).strip()) from exc
        except UnicodeDecodeError as exc:  # a text column's bytes overwritten
            raise StoreDamaged(self.location, f"unreadable text ({exc.reason})") from exc
        return QueryResult(
            columns, [[v if type(v) in _PLAIN else _plain(v) for v in row] for row in rows]
        )

    def _failure(self, message: str) -> GraphxError:
        if _READ_ONLY_REFUSAL in message:
            return StoreReadOnly(self.location)
        if _DAMAGE.search(message):
            return StoreDamaged(self.location, _reason(message))
        return QueryError(message)

    def query(self, statement: str, parameters: Mapping[str, Any] | None = None) -> QueryResult:
        self.ensure_schema()  # an empty store answers queries with no rows, not errors
        return self.run(statement, parameters)

    def load(self, batches, kb, weights, tally=None):  # type: ignore[no-untyped-def]
        """GraphStore.load, its writes committed together (see _LoadTransaction): a load
        killed midway leaves the store as its last commit had it, and running it again
        completes it."""
        load = self._load = _LoadTransaction()
        try:
            report = super().load(batches, kb, weights, tally)
            if load.open:
                self.run("COMMIT")
            return report
        except BaseException:
            if load.open:
                # Stopped between two batches (interrupted, or its input failed): what it
                # wrote is whole, and kept, as batch by batch. Stopped inside one (a batch's
                # mentions written, not yet their links), or a statement failed: rolled back
                # (LadybugDB may have done so already) to the last commit.
                whole = not (load.failed or load.writing)
                with contextlib.suppress(GraphxError):
                    self.run("COMMIT" if whole else "ROLLBACK")
            raise
        finally:
            self._load = None

    def _transaction(self, work, mentions: int = 0) -> None:  # type: ignore[no-untyped-def]
        """Run `work` in a transaction: its own, or within a load the load's, committed once
        it holds as many written mentions as the load had committed before (at least
        _LoadTransaction.FIRST)."""
        load = self._load
        if load is not None:
            if not load.open:
                self.run("BEGIN TRANSACTION")
                load.open = True
            load.writing = True
            work()
            load.writing = False
            load.pending += mentions
            if load.pending >= max(load.FIRST, load.committed):
                self.run("COMMIT")
                load.open = False
                load.committed += load.pending
                load.pending = 0
            return
        self.run("BEGIN TRANSACTION")
        try:
            work()
        except BaseException:
            with contextlib.suppress(GraphxError):  # LadybugDB may have rolled back already
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
                known=batch.stored_documents,
            )
            if stale:
                self.run(cypher.DELETE_MENTIONS, {"ids": sorted(stale)})
            if fresh:
                self._copy_mentions(fresh, batch.prepared)

        self._transaction(work, mentions=len(fresh) + len(stale))

    def _upsert(
        self,
        table: str,
        rows: list[dict[str, Any]],
        merge: str,
        schema: Any,
        known: set[str] | None = None,
    ) -> None:
        """MERGE the rows the table holds (`known`: their ids, asked for when not given),
        COPY the others."""
        import pyarrow as pa

        if not rows:
            return
        if known is None:
            ids = [r["id"] for r in rows]
            known = {row[0] for row in self.run(cypher.EMBEDDED_EXISTING[table], {"ids": ids}).rows}
        old = [r for r in rows if r["id"] in known]
        new = [r for r in rows if r["id"] not in known]
        if old:
            self.run(merge, {"rows": old})
        if new:
            columns = {name: [r[name] for r in new] for name in schema.names}
            self.run(cypher.EMBEDDED_COPY[table], {"rows": pa.table(columns, schema=schema)})

    def prepare(self, batch: Batch) -> Batch:
        """The batch with its mentions as the Arrow table COPY reads (batch.prepared)."""
        batch.prepared = _mention_table(list(batch.mentions.values()))
        return batch

    def _copy_mentions(self, rows: list[dict[str, Any]], prepared: Any = None) -> None:
        import pyarrow as pa
        import pyarrow.compute as pc

        # the prepared table holds the batch's every mention; `rows` are those to insert
        table = prepared if prepared is not None and prepared.num_rows == len(rows) else None
        if table is None:
            table = _mention_table(rows)
        self.run(cypher.EMBEDDED_COPY["Mention"], {"rows": table})
        ids = table.column("id")
        for link, end in (("IN_DOCUMENT", "doc"), ("SOURCE", "source_id"), ("TARGET", "target_id")):
            links = pa.table({"from": ids, "to": table[end]})
            self.run(cypher.EMBEDDED_COPY[link], {"rows": links})
        claimed = table.filter(pc.is_valid(table["claimed_by"]))
        if claimed.num_rows:
            self.run(
                cypher.EMBEDDED_COPY["CLAIMED_BY"],
                {"rows": pa.table({"from": claimed["id"], "to": claimed["claimed_by"]})},
            )

    def write_edges(self, changes: Mapping[str, EdgeRows]) -> None:
        import pyarrow as pa

        def work() -> None:
            for label, (removed, added) in changes.items():
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
        conn, db, lock = self._conn, self._db, self._reader_lock
        self._conn = self._db = self._reader_lock = None
        if conn is not None:
            conn.close()
        if db is not None:
            db.close()
        if lock is not None:  # only once LadybugDB let go of the file
            lock.release()


class _LoadTransaction:
    """The transaction a load's writes share. A LadybugDB commit checkpoints (COPY bypasses
    the write-ahead log), and a checkpoint's cost grows with the whole store, not with what
    the commit adds: measured, 10k-mention commits took 0.09 s on an empty store and 0.3 s
    on one of 100k. Committing when the load has written as much again as it had committed
    keeps the commits of a load of n mentions to about log2(n / FIRST), whatever its batches,
    and what one holds uncommitted under what it already committed."""

    FIRST = 200_000

    def __init__(self) -> None:
        self.open = False
        self.failed = False  # a statement of it failed: roll back, never commit
        self.writing = False  # inside one batch's (or the edges') statements
        self.pending = 0
        self.committed = 0


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
            ("rollup", text),
        ]
    )


def _document_schema() -> Any:
    import pyarrow as pa

    return pa.schema([(name, pa.string()) for name in cypher.DOCUMENT_FIELDS])


def _edge_schema() -> Any:
    import pyarrow as pa

    return pa.schema(
        [
            ("source", pa.string()),
            ("target", pa.string()),
            *[(name, pa.int64()) for name in EDGE_COUNTS],
            ("first_date", pa.string()),
            ("last_date", pa.string()),
            ("weight", pa.float64()),
            ("kb", pa.bool_()),
        ]
    )


def _mention_table(rows: list[dict[str, Any]]) -> Any:
    import pyarrow as pa

    columns = {name: [row[name] for row in rows] for name in cypher.MENTION_COLUMNS}
    return pa.table(columns, schema=_mention_schema())


def _check_header(path: Path, read_only: bool) -> None:
    """Refuse a file that is not a LadybugDB database before LadybugDB reads it (or, opened
    for writing, turns it into one). An empty file is a fresh store to a writer."""
    try:
        with path.open("rb") as handle:
            magic = handle.read(len(_MAGIC))
    except FileNotFoundError:
        return
    except OSError as exc:
        raise StoreError(f"{path}: cannot read the store: {exc.strerror}") from exc
    if not magic:
        if read_only:
            raise StoreDamaged(str(path), "the file is empty")
        return
    if magic != _MAGIC:
        raise StoreDamaged(str(path), "not a LadybugDB database file (no LBUG header)")


# What every read starts with: enough to meet most damage that crashes LadybugDB outright.
_PROBE_STATEMENTS = (cypher.EMBEDDED_TABLES, cypher.ANY_ACTOR, cypher.ACTORS)
_PROBE_SECONDS = 30.0


def _survives_opening(path: Path) -> None:
    """Open the store and read its tables and actors in a forked child first. On some
    damage (zeroed or overwritten pages) LadybugDB 0.22 dies of a segmentation fault rather
    than raising; then the child dies and the reader gets StoreDamaged, not a crash. Any
    error the child meets is left for the real open to raise, with its message."""
    if not hasattr(os, "fork"):
        return
    child = os.fork()
    if child == 0:  # pragma: no cover - the child never returns to the test runner
        status = 0
        try:
            import ladybug

            connection = ladybug.Connection(ladybug.Database(str(path), read_only=True))
            for statement in _PROBE_STATEMENTS:
                connection.execute(statement).get_all()
        except BaseException:
            status = 3
        os._exit(status)
    deadline = time.monotonic() + _PROBE_SECONDS
    while True:
        done, status = os.waitpid(child, os.WNOHANG)
        if done:
            break
        if time.monotonic() > deadline:  # stuck: go on without the guard
            os.kill(child, signal.SIGKILL)
            os.waitpid(child, 0)
            return
        time.sleep(0.005)
    if os.WIFSIGNALED(status):
        crash = signal.Signals(os.WTERMSIG(status)).name
        raise StoreDamaged(str(path), f"LadybugDB crashed reading it ({crash})")


def _open_error(path: Path, message: str) -> StoreError:
    if "Could not set lock" in message:
        holder = re.search(r"held by PID (-?\d+)", message)
        if holder and int(holder.group(1)) > 0:
            return StoreInUse(
                f"{path}: store is in use by another process (process {holder.group(1)}); "
                "wait for it to finish, then retry"
            )
        # LadybugDB names no process for an open-file-description lock: graphx readers'
        readers = _processes_with_file_open(path)
        return StoreInUse(
            f"{path}: store is open for reading by {_processes(readers)}; close it there "
            "(or wait for it to finish), then retry"
        )
    if _RECOVERY_PENDING in message:
        return StoreInterrupted(
            f"{path}: the last write to the store was interrupted before it finished; "
            "run the same graphx build or load again to complete it, then retry"
        )
    if _DAMAGE.search(message):
        return StoreDamaged(str(path), _reason(message))
    if "version" in message.lower() or message.startswith("IO exception"):
        # another LadybugDB version's store; a file system refusing (permissions, space)
        return StoreError(f"{path}: cannot open the store: {_reason(message)}")
    # The file starts like a LadybugDB database (_check_header), so anything else LadybugDB
    # cannot make of it ("Load table failed: table 7607...") is damage too.
    return StoreDamaged(str(path), _reason(message))


def _reason(message: str) -> str:
    """LadybugDB's message, as one line, without its exception-class prefix and advice."""
    line = (message.strip().splitlines() or ["unknown error"])[0]
    line = re.sub(r"^(Runtime|Storage|IO|Connection) exception: ", "", line)
    line = line.replace(" The database file may be corrupted.", "")
    return line[:240].rstrip(". ")


def _processes(pids: list[int]) -> str:
    if not pids:
        return "another process"
    named = [f"{pid} (this one)" if pid == os.getpid() else str(pid) for pid in pids]
    return ("process " if len(named) == 1 else "processes ") + ", ".join(named)


def _processes_with_file_open(path: Path) -> list[int]:
    """The processes (this user can see) that have `path` open: on Linux, from /proc."""
    try:
        target = os.path.realpath(path)
        pids = sorted(int(name) for name in os.listdir("/proc") if name.isdigit())
    except OSError:
        return []
    found = []
    for pid in pids:
        with contextlib.suppress(OSError):
            folder = f"/proc/{pid}/fd"
            if any(os.readlink(f"{folder}/{fd}") == target for fd in os.listdir(folder)):
                found.append(pid)
    return found


class _ReaderLock:
    """A shared lock on the store file, held while a reader has it open.

    An open-file-description lock (Linux): unlike a POSIX lock, closing another descriptor
    of the same file in this process (LadybugDB opening and closing a second Database, say)
    does not drop it, and it conflicts with LadybugDB's POSIX writer lock even within one
    process. Where the system has no such locks, readers go without (LadybugDB's own
    behaviour)."""

    def __init__(self, path: Path) -> None:
        import fcntl

        self._fd: int | None = None
        if not hasattr(fcntl, "F_OFD_SETLK"):
            return
        fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
        try:
            fcntl.fcntl(fd, fcntl.F_OFD_SETLK, _flock(fcntl.F_RDLCK))
        except OSError as exc:
            if exc.errno not in (errno.EAGAIN, errno.EACCES):
                os.close(fd)
                raise StoreError(f"{path}: cannot lock the store: {exc.strerror}") from exc
            writer = _lock_holder(fd)
            os.close(fd)
            raise StoreInUse(
                f"{path}: store is being written by {_processes([writer] if writer else [])}; "
                "wait for it to finish, then retry"
            ) from exc
        self._fd = fd

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            os.close(fd)  # closing the description releases its lock


# struct flock on Linux: l_type, l_whence (short), l_start, l_len (off_t), l_pid (pid_t)
_FLOCK = "hhxxxxqqixxxx"


def _flock(kind: int) -> bytes:
    return struct.pack(_FLOCK, kind, os.SEEK_SET, 0, 0, 0)


def _lock_holder(fd: int) -> int | None:
    """The process holding the lock that stopped ours, when the system says (POSIX locks)."""
    import fcntl

    try:
        answer = fcntl.fcntl(fd, fcntl.F_OFD_GETLK, _flock(fcntl.F_RDLCK))
    except OSError:
        return None
    kind, _, _, _, pid = struct.unpack(_FLOCK, answer)
    return pid if kind != fcntl.F_UNLCK and pid > 0 else None
