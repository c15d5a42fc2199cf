"""Every exception graphx raises on purpose, in one place. The CLI turns each into a one-line
message and its exit code (`exit_code`, 1 unless said); `--debug` shows the traceback.

    GraphxError
    ├── InputError                a document could not be read (names the input)
    │   ├── DocumentTimeout       its extraction ran out of CPU time
    │   └── ExtractOutputGiven    a JSON Lines input holds relation mentions, not documents
    ├── KnowledgeBaseError        a knowledge-base or lexicon file is malformed
    ├── ModelError                the spaCy model is missing
    ├── DependencyMissing         an optional package (an extra) is not installed
    ├── ClusterError              the Dask cluster cannot be reached, or a task kept failing
    ├── OptionError (2)           an option's value cannot be used
    ├── SelectionError (2)        a selection option (--relation, --since ...) cannot be used
    ├── OutputError               the output could not be written
    ├── ActorNotFound             no stored actor goes by that name
    ├── AmbiguousActor            several do
    ├── QueryError                the database rejected a query
    ├── ViewError                 nothing to show, or the page could not be written
    ├── ExportError               the export could not be written
    └── StoreError                a store could not be opened or written
        ├── StoreUnavailable      the server cannot be reached / refuses / went away
        ├── StoreInUse            another process holds the embedded store
        ├── StoreMissing          no graphx store there (read commands never create one)
        ├── StoreDamaged          the embedded file is corrupted
        ├── StoreInterrupted      its last write stopped part-way
        ├── StoreOutdated         written with an older graph model
        └── StoreReadOnly         a write on a store opened read-only
"""

from __future__ import annotations


class GraphxError(Exception):
    """Root of every error graphx raises on purpose."""

    exit_code = 1


class InputError(GraphxError):
    """A document could not be read (binary, bad encoding, empty, too large, bad JSON line)."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason


class KnowledgeBaseError(GraphxError):
    """A knowledge-base or lexicon file is malformed; the message names the file and entry."""


class ModelError(GraphxError):
    """The spaCy model is missing or cannot be loaded."""


class DependencyMissing(GraphxError):
    """An optional package is not installed; the message says what to pip install."""


class ClusterError(GraphxError):
    """The Dask cluster cannot be reached, or a task failed there (after Dask's retries)."""


class OptionError(GraphxError):
    """An option's value cannot be used (an empty --neo4j or --db, for instance)."""

    exit_code = 2


class DocumentTimeout(InputError):
    """Extracting one document took longer than its time limit; the run goes on without it."""

    def __init__(self, where: str, seconds: float) -> None:
        super().__init__(
            where,
            f"extraction took more than {seconds:g} CPU seconds; skipped "
            "(raise it with --doc-timeout)",
        )
        self.seconds = seconds

    def __reduce__(self) -> tuple:  # rebuilt from its own arguments in the parent process
        return (DocumentTimeout, (self.where, self.seconds))


class OutputError(GraphxError):
    """The output could not be written (disk full, permission denied); nothing partial kept."""


class ExtractOutputGiven(InputError):
    """A JSON Lines input holds relation mentions (`graphx extract` output), not documents:
    raised, not yielded, since every one of its records would fail alike."""

    def __init__(self, where: str, advice: str | None = None) -> None:
        advice = advice or f"use graphx load {where}"
        super().__init__(where, f"looks like graphx extract output: {advice}")
        # said as one sentence, the path leading: "PATH looks like graphx extract output: ..."
        self.args = (f"{where} looks like graphx extract output: {advice}",)
        self.advice = advice

    def __reduce__(self) -> tuple:
        return (ExtractOutputGiven, (self.where, self.advice))


class SelectionError(GraphxError):
    """A selection option has a value graphx cannot use."""

    exit_code = 2


class ActorNotFound(GraphxError):
    """No stored actor goes by that name; the message carries suggestions."""


class AmbiguousActor(GraphxError):
    """Several stored actors go by that name; the message lists them."""


class StoreError(GraphxError):
    """A store could not be opened or written."""


class StoreUnavailable(StoreError):
    """The server cannot be reached, refuses the credentials or the login, or the connection
    to it was lost mid-way; the message names the (redacted) URI."""


class StoreInUse(StoreError):
    """Another process holds the embedded store in a way this open conflicts with (a writer
    while others read it or write it, a reader while another process writes it)."""


class StoreMissing(StoreError):
    """A read found no graphx store: no such file, no graphx schema, or no actors."""

    def __init__(self, location: str) -> None:
        super().__init__(f"no graphx store at {location}: run graphx build first")
        self.location = location


class StoreDamaged(StoreError):
    """The embedded store's file is corrupted (overwritten pages, truncated, not a store)."""

    def __init__(self, location: str, reason: str) -> None:
        super().__init__(f"the store is damaged: {location}: {reason}")
        self.location = location
        self.reason = reason


class StoreInterrupted(StoreError):
    """The embedded store's last write stopped part-way (the writer was killed) and has to be
    completed by opening it for writing before it can be read."""


class StoreOutdated(StoreError):
    """The store was written by a graphx with another graph model; it must be rebuilt."""

    def __init__(self, location: str) -> None:
        super().__init__(
            f"the store at {location} was written by an older graphx (its edges count "
            "differently): rebuild it with graphx reset --yes, then graphx build"
        )
        self.location = location


class StoreReadOnly(StoreError):
    """A write was attempted on a store opened read-only."""

    def __init__(self, location: str, what: str = "this statement writes") -> None:
        super().__init__(
            f"{location}: refused, the store is open read-only ({what}); "
            "add --write to change the store"
        )
        self.location = location


class QueryError(GraphxError):
    """The database rejected a query; the message is the database's own."""


class ViewError(GraphxError):
    """The view could not be built or written."""


class ExportError(GraphxError):
    """The export could not be written."""
