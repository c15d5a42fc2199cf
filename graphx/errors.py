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
