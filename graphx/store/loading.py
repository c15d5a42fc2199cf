"""Loading the graph: `build` extracts and loads in one go; `load_relations` loads relation
mentions (RelationMention records) with whatever document metadata the caller has;
`load_mentions` loads an extraction's JSON Lines output. All stream, in batches of whole
documents."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from types import MappingProxyType

from graphx.errors import InputError
from graphx.extraction.kb import KnowledgeBase, load_knowledge_base
from graphx.extraction.lexicon import load_lexicon
from graphx.extraction.pipeline import relation_from_record
from graphx.models import Document, RelationMention
from graphx.store.base import GraphStore, LoadReport
from graphx.store.rows import (
    EdgeTally,
    RowBuilder,
    batches_by_document,
    by_document,
    prefetched,
    tallied,
)

Progress = Callable[[int], None]
DocumentRelations = tuple[Document | None, str, Sequence[RelationMention]]


@dataclass
class LoadOutcome:
    """What a load did (`report`) and the inputs or lines it skipped (`failures`)."""

    report: LoadReport
    failures: list[InputError] = field(default_factory=list)


@functools.cache
def _weights() -> Mapping[str, int]:
    """Each relation's edge weight, from the bundled lexicon: read once a process (the whole
    lexicon is parsed for them, a tenth of a second, every load did it again)."""
    lexicon = load_lexicon()
    return MappingProxyType({name: info.weight for name, info in lexicon.relations.items()})


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

    def documents() -> Iterator[DocumentRelations]:
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
            document, relations = item
            yield document, document.id, relations

    batches = batches_by_document(documents(), RowBuilder(kb), batch_size or store.batch_size)
    report = store.load(batches, kb, _weights())
    return LoadOutcome(report, failures)


def load_relations(
    store: GraphStore,
    relations: Iterable[RelationMention],
    documents: Iterable[Document] = (),
    *,
    kb: KnowledgeBase | None = None,
    batch_size: int = 0,
) -> LoadReport:
    """Load relation mentions into `store`, streaming them in batches of whole documents.

    `documents` gives the metadata (title, date, url, outlet) of the documents the mentions
    are from, by id; each of them becomes a node even with no mention (it was read). A
    document that only mentions name keeps the metadata the store already has for it. The
    mentions of one document are best given together (as extraction yields them); given
    apart, they are still all kept. `kb` (default: the bundled knowledge base) supplies the
    actors' details and parents."""
    kb = kb or load_knowledge_base()
    size, weights = batch_size or store.batch_size, _weights()
    grouped = by_document(relations, documents)
    batches = batches_by_document(grouped, RowBuilder(kb), size, first=size // 5)
    # built, prepared for the store and counted on a thread of their own (rows.prefetched)
    tally = EdgeTally()
    ready = tallied(map(store.prepare, batches), tally, weights)
    return store.load(prefetched(ready), kb, weights, tally)


def read_mentions(
    path: str, failures: list[InputError], progress: Progress | None = None
) -> Iterator[RelationMention]:
    """The relation mentions of a JSON Lines file (`graphx extract` output), in file order.
    A bad line (not JSON, not the contract) goes to `failures` as an InputError naming
    PATH:LINE and is skipped; a missing file raises InputError."""
    if not Path(path).is_file():
        raise InputError(path, "no such file")
    with Path(path).open(encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                relation = relation_from_record(where, json.loads(line))
            except json.JSONDecodeError as exc:
                failures.append(InputError(where, f"not JSON: {exc.msg}"))
                continue
            except InputError as exc:
                failures.append(exc)
                continue
            if progress:
                progress(1)
            yield relation


def load_mentions(
    store: GraphStore,
    path: str,
    *,
    kb_files: Sequence[str] = (),
    kb_override_files: Sequence[str] = (),
    progress: Progress | None = None,
    batch_size: int = 0,
) -> LoadOutcome:
    """Load relation mentions (the output of `graphx extract`) from a JSON Lines file, or
    from a folder of shards (`graphx extract --dask`: the shards its manifest lists, in
    order); bad lines are skipped and returned as the outcome's failures."""
    kb = load_knowledge_base(kb_files, kb_override_files)
    failures: list[InputError] = []
    files = mention_files(path)
    mentions = chain.from_iterable(read_mentions(file, failures, progress) for file in files)
    report = load_relations(store, mentions, kb=kb, batch_size=batch_size)
    return LoadOutcome(report, failures)


def mention_files(path: str) -> list[str]:
    """The files `load_mentions(path)` reads: `path`, or the shards of a folder of them in
    order. InputError for a folder that is not a finished `graphx extract --dask` output:
    called before a store is opened, nothing is created for it."""
    if not Path(path).is_dir():
        return [path]
    from graphx.extraction.cluster import shard_paths

    return [str(shard) for shard in shard_paths(path)]


def count_mentions(path: str) -> int | None:
    """How many mentions `load_mentions(path)` will read, for a progress bar: a file's
    non-blank lines, a folder's manifest count; None when that cannot be told."""
    if Path(path).is_dir():
        from graphx.extraction.cluster import read_manifest

        try:
            relations = read_manifest(path).get("relations")
        except InputError:
            return None  # load_mentions says why
        return relations if isinstance(relations, int) else None
    try:
        with Path(path).open("rb") as handle:
            return sum(1 for line in handle if line.strip())
    except OSError:
        return None
