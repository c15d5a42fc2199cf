"""A store's fingerprint: every document, actor, mention (with its sentence, date, confidence,
claimant), mention link and typed edge (with its count, dates, weight and kb mark), sorted, so
that two stores holding the same graph have equal fingerprints whatever order they were
loaded in. Tests compare the contents (pytest then shows what differs), not just the hash."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from graphx.store import cypher


def store_contents(store: Any) -> dict[str, list[str]]:
    """Each kind of row in the store, as sorted JSON strings."""
    store.ensure_schema()
    contents = {}
    for kind, statement in cypher.STORE_CONTENTS.items():
        rows = store.run(statement).records()
        contents[kind] = sorted(json.dumps(_canonical(row), sort_keys=True) for row in rows)
    return contents


def fingerprint(store: Any) -> str:
    """One hash of the whole store's contents."""
    text = json.dumps(store_contents(store), sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _canonical(row: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for key, value in row.items():
        if isinstance(value, float):
            value = round(value, 9)
        elif isinstance(value, list) and not value:
            value = None  # an empty list and no list are stored differently by the two stores
        out[key] = value
    return out
