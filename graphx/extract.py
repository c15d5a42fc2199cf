"""The extraction stage: documents in, relation mentions (with evidence) out.

`Extractor` holds the model, knowledge base and rules; `extract_stream` runs it over a stream
of inputs, in this process or in worker processes, yielding results in input order and never
holding more than a few documents in memory.
"""

from __future__ import annotations

import multiprocessing
import re
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from graphx.dates import DateIndex, stated_date
from graphx.documents import InputItem, analysis_text
from graphx.errors import InputError
from graphx.kb import KnowledgeBase, load_knowledge_base
from graphx.lexicon import Lexicon, load_lexicon
from graphx.models import Actor, ActorMention, Document, RelationMention

CHUNK_CHARS = 100_000
_BATCH_DOCS = 8


@dataclass(frozen=True)
class DocumentResult:
    document: Document
    relations: list[RelationMention]


class Extractor:
    """Extracts relation mentions from documents with spaCy, the knowledge base and rules."""

    def __init__(
        self,
        kb: KnowledgeBase | None = None,
        lexicon: Lexicon | None = None,
        nlp: Any = None,
        keep_negated: bool = False,
    ) -> None:
        from graphx.mentions import MentionFinder
        from graphx.nlp import load_model
        from graphx.rules import RuleEngine

        self.kb = kb or load_knowledge_base()
        self.lexicon = lexicon or load_lexicon()
        self.nlp = nlp or load_model()
        self.keep_negated = keep_negated
        self.mentions = MentionFinder(self.nlp, self.kb)
        self.rules = RuleEngine(self.lexicon, self.kb)

    def extract(self, document: Document) -> list[RelationMention]:
        return next(iter(self.extract_many([document]))).relations

    def extract_many(self, documents: Iterable[Document]) -> Iterator[DocumentResult]:
        """Results for each document, in order; the parser runs batched over the stream."""
        pending: dict[int, tuple[Document, DateIndex, list[RelationMention]]] = {}
        chunk_counts: dict[int, int] = {}

        def chunks() -> Iterator[tuple[str, tuple[int, int]]]:
            for number, document in enumerate(documents):
                text = analysis_text(document.text)
                dates = DateIndex(text, document.date)
                pieces = list(split_chunks(text))
                pending[number] = (document, dates, [])
                chunk_counts[number] = len(pieces)
                for offset, piece in pieces:
                    yield piece, (number, offset)

        for parsed, (number, offset) in self.nlp.pipe(chunks(), as_tuples=True, batch_size=32):
            document, dates, relations = pending[number]
            relations.extend(self._relations(document, dates, parsed, offset))
            chunk_counts[number] -= 1
            if chunk_counts[number] == 0:
                del pending[number], chunk_counts[number]
                yield DocumentResult(document, relations)

    def _relations(
        self, document: Document, dates: DateIndex, parsed: Any, offset: int
    ) -> Iterator[RelationMention]:
        from graphx.mentions import to_actor_mention

        found_mentions = self.mentions.find(parsed, lambda char: dates.date_at(offset + char))
        if not found_mentions.mentions:
            return
        for sent in found_mentions.sentences_with_mentions():
            for found in self.rules.relations(sent, found_mentions):
                if found.negated and not self.keep_negated:
                    continue
                start, end = _trimmed(
                    document.text, offset + sent.start_char, offset + sent.end_char
                )
                sentence = document.text[start:end]
                cue_offset = found.cue.idx - sent.start_char
                date = stated_date(
                    parsed.text[sent.start_char : sent.end_char], cue_offset
                ) or dates.date_at(start)
                yield RelationMention(
                    doc=document.id,
                    relation=found.relation,
                    source=to_actor_mention(found.source, parsed, offset),
                    target=to_actor_mention(found.target, parsed, offset),
                    sentence=sentence
                    if sentence == parsed.text[start - offset : end - offset]
                    else _clean_sentence(parsed.text[start - offset : end - offset]),
                    sentence_span=(start, end),
                    date=date,
                    claimed_by=to_actor_mention(found.claimant, parsed, offset)
                    if found.claimant
                    else None,
                    confidence=found.confidence,
                    rule=found.rule,
                    negated=found.negated,
                )


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _clean_sentence(masked: str) -> str:
    """Evidence from a document with markup: the masked text, spaces folded."""
    return re.sub(r"\s+", " ", masked).strip()


def split_chunks(text: str, limit: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """(offset, piece) pieces of at most `limit` characters, cut at paragraph or sentence ends."""
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = max(window.rfind("\n\n"), window.rfind("\n"))
        if cut < limit // 2:
            sentence_end = max(window.rfind(". "), window.rfind("! "), window.rfind("? "))
            cut = sentence_end + 1 if sentence_end >= limit // 2 else window.rfind(" ")
        if cut <= 0:
            cut = limit
        yield start, text[start : start + cut]
        start += cut
    yield start, text[start:]


# ----------------------------------------------------------------------------- records
def actor_record(mention: ActorMention, kb: KnowledgeBase) -> dict[str, Any]:
    actor = mention.actor
    return {
        "id": actor.id,
        "name": actor.name,
        "type": actor.type,
        "parents": _parent_names(actor, kb),
        "provisional": actor.provisional,
        "span": [mention.start, mention.end],
        "text": mention.text,
    }


def _parent_names(actor: Actor, kb: KnowledgeBase) -> list[str]:
    return kb.parent_names(actor) if actor.id in kb else []


def relation_record(relation: RelationMention, kb: KnowledgeBase) -> dict[str, Any]:
    """The JSON object of the output contract for one relation mention."""
    record: dict[str, Any] = {
        "doc": relation.doc,
        "relation": relation.relation,
        "source": actor_record(relation.source, kb),
        "target": actor_record(relation.target, kb),
        "sentence": relation.sentence,
        "sentence_span": list(relation.sentence_span),
        "date": relation.date,
        "claimed_by": actor_record(relation.claimed_by, kb) if relation.claimed_by else None,
        "confidence": relation.confidence,
        "rule": relation.rule,
    }
    if relation.negated:
        record["negated"] = True
    return record


# ----------------------------------------------------------------------------- streaming
_worker: Extractor | None = None


def _start_worker(
    kb_files: Sequence[str], kb_override_files: Sequence[str], keep_negated: bool
) -> None:
    global _worker
    if _worker is None:  # with "fork" the parent already built it and the worker inherited it
        kb = load_knowledge_base(kb_files, kb_override_files)
        _worker = Extractor(kb=kb, keep_negated=keep_negated)


def _work(batch: list[InputItem]) -> list[InputError | tuple[Document, list[dict[str, Any]]]]:
    assert _worker is not None
    return _records_for(_worker, batch)


def _records_for(
    extractor: Extractor, batch: list[InputItem]
) -> list[InputError | tuple[Document, list[dict[str, Any]]]]:
    documents = [item for item in batch if isinstance(item, Document)]
    results = iter(extractor.extract_many(documents))
    out: list[InputError | tuple[Document, list[dict[str, Any]]]] = []
    for item in batch:
        if isinstance(item, InputError):
            out.append(item)
        else:
            result = next(results)
            # the document travels back without its text: callers need its id and metadata
            meta = replace(item, text="")
            out.append((meta, [relation_record(r, extractor.kb) for r in result.relations]))
    return out


def extract_stream(
    items: Iterable[InputItem],
    *,
    jobs: int = 1,
    kb_files: Sequence[str | Path] = (),
    kb_override_files: Sequence[str | Path] = (),
    kb: KnowledgeBase | None = None,
    keep_negated: bool = False,
    extractor: Extractor | None = None,
) -> Iterator[InputError | tuple[Document, list[dict[str, Any]]]]:
    """For each input in order: its InputError, or (document without text, relation records).
    `kb`, when the caller already loaded it from the same files, saves loading it again."""
    batches = _batched(items, _BATCH_DOCS)
    if jobs <= 1:
        extractor = extractor or Extractor(
            kb=kb or load_knowledge_base(kb_files, kb_override_files), keep_negated=keep_negated
        )
        for batch in batches:
            yield from _records_for(extractor, batch)
        return
    global _worker
    forking = "fork" in multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if forking else "spawn")
    if forking:
        # Load the model once, here: forked workers share it copy-on-write and start at once.
        _worker = extractor or Extractor(
            kb=kb or load_knowledge_base(kb_files, kb_override_files), keep_negated=keep_negated
        )
    try:
        with context.Pool(
            jobs,
            initializer=_start_worker,
            initargs=(
                [str(f) for f in kb_files],
                [str(f) for f in kb_override_files],
                keep_negated,
            ),
        ) as pool:
            # A bounded window of batches in flight: memory stays flat however long the stream.
            window: deque[Any] = deque()
            for batch in batches:
                window.append(pool.apply_async(_work, (batch,)))
                if len(window) >= jobs * 3:
                    yield from window.popleft().get()
            while window:
                yield from window.popleft().get()
    finally:
        _worker = None


def _batched(items: Iterable[InputItem], size: int) -> Iterator[list[InputItem]]:
    batch: list[InputItem] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
