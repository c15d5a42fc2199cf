"""The exceptions graphx raises. The CLI turns each into a one-line message and an exit code."""

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
