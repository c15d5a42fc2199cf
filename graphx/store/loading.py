"""Loading the graph: `build` extracts and loads in one go; `load_mentions` loads an
extraction's JSON Lines output. Both stream, in batches of whole documents."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path
from typing import Any

from graphx.errors import InputError
from graphx.extraction.kb import load_knowledge_base
from graphx.extraction.lexicon import load_lexicon
from graphx.models import Document
from graphx.store.base import GraphStore, LoadReport
from graphx.store.rows import RowBuilder, batches_by_document, check_record

Progress = Callable[[int], None]


@dataclass
class LoadOutcome:
    report: LoadReport
    failures: list[InputError] = field(default_factory=list)


def _weights() -> dict[str, int]:
    lexicon = load_lexicon()
    return {name: info.weight for name, info in lexicon.relations.items()}


def build(
    store: GraphStore,
    paths: Sequence[str],
    *,
    jobs: int = 1,
    kb_files: Sequence[str] = (),
    kb_override_files: Sequence[str] = (),
    max_bytes: int | None = None,
    progress: Progress | None = None,
    batch_size: int = 0,
    doc_id: str | None = None,
    doc_timeout: float = 0,
    warn: Callable[[str], None] | None = None,
) -> LoadOutcome:
    """Extract relations from `paths` and load them into `store`.  `doc_id` names the document
    read from standard input; `doc_timeout` (seconds, 0: none) skips a slower document as a
    failure; `warn` hears about inputs named twice."""
    from graphx.extraction.documents import DEFAULT_MAX_BYTES, read_inputs
    from graphx.extraction.pipeline import extract_stream

    kb = load_knowledge_base(kb_files, kb_override_files)
    failures: list[InputError] = []
    # read_inputs checks doc_id here, before anything is loaded
    items = read_inputs(paths, max_bytes=max_bytes or DEFAULT_MAX_BYTES, doc_id=doc_id, warn=warn)

    def documents() -> Iterator[tuple[Document, str, list[Mapping[str, Any]]]]:
        for item in extract_stream(
            items,
            jobs=jobs,
            kb_files=kb_files,
            kb_override_files=kb_override_files,
            kb=kb,
            timeout=doc_timeout,
        ):
            if progress:  # a failed input is done too: the bar reaches its total
                progress(1)
            if isinstance(item, InputError):
                failures.append(item)
                continue
            document, records = item
            yield document, document.id, records

    batches = batches_by_document(documents(), RowBuilder(kb), batch_size or store.batch_size)
    report = store.load(batches, kb, _weights())
    return LoadOutcome(report, failures)


def load_mentions(
    store: GraphStore,
    path: str,
    *,
    kb_files: Sequence[str] = (),
    kb_override_files: Sequence[str] = (),
    progress: Progress | None = None,
    batch_size: int = 0,
) -> LoadOutcome:
    """Load relation-mention records (the output of `graphx extract`) from a JSON Lines file."""
    kb = load_knowledge_base(kb_files, kb_override_files)
    failures: list[InputError] = []

    def records() -> Iterator[Mapping[str, Any]]:
        if not Path(path).is_file():
            raise InputError(path, "no such file")
        with Path(path).open(encoding="utf-8", errors="replace") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                where = f"{path}:{number}"
                try:
                    record = json.loads(line)
                    check_record(where, record)
                except json.JSONDecodeError as exc:
                    failures.append(InputError(where, f"not JSON: {exc.msg}"))
                    continue
                except InputError as exc:
                    failures.append(exc)
                    continue
                if progress:
                    progress(1)
                yield record

    def documents() -> Iterable[tuple[None, str, list[Mapping[str, Any]]]]:
        for doc_id, group in groupby(records(), key=lambda r: str(r["doc"])):
            yield None, doc_id, list(group)

    batches = batches_by_document(documents(), RowBuilder(kb), batch_size or store.batch_size)
    report = store.load(batches, kb, _weights())
    return LoadOutcome(report, failures)
