"""The extraction stage: documents in, relation mentions (with evidence) out.

`Extractor` holds the model, knowledge base and rules; `extract_stream` runs it over a stream
of inputs, in this process or in worker processes, yielding results in input order and never
holding more than a few documents in memory; `write_jsonl` writes them to a file or standard
output.

The parser's memory grows with the characters it is given at once (about 3 KB a character),
so documents are cut into pieces of at most CHUNK_CHARS at paragraph or sentence ends and
parsed in batches of at most BATCH_CHARS: peak memory does not grow with a document's size.
A document that fits in one piece (almost every news article) is parsed whole.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import shutil
import signal
import stat
import sys
import tempfile
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Any

from graphx.errors import DocumentTimeout, InputError, OutputError
from graphx.extraction.dates import DateIndex, clause_date
from graphx.extraction.documents import (
    InputItem,
    analysis_text,
    defuse_tokenizer_traps,
    read_inputs,
    set_off_datelines,
)
from graphx.extraction.kb import KnowledgeBase, load_knowledge_base
from graphx.extraction.lexicon import Lexicon, load_lexicon
from graphx.models import RELATION_TYPES, Actor, ActorMention, Document, RelationMention

CHUNK_CHARS = 20_000
BATCH_CHARS = 20_000
BATCH_PIECES = 32
DEFAULT_DOC_TIMEOUT = 120.0
_BATCH_DOCS = 8


@dataclass(frozen=True)
class DocumentResult:
    document: Document
    relations: list[RelationMention]


@dataclass(frozen=True)
class DocumentPart:
    """Relations of one document in the order found; `last` on the document's final part.
    A document cut in pieces comes in several parts, so its relations need not be held."""

    document: Document
    relations: list[RelationMention]
    last: bool


class _TimeUp(BaseException):
    """Raised by the alarm inside the parser; a BaseException so no `except Exception` in
    the libraries below swallows it."""


@dataclass(eq=False)
class _Job:
    """One input on its way through the parser: a document and its progress, or an error."""

    document: Document | None = None
    error: InputError | None = None
    masked: str = ""
    dates: DateIndex | None = None
    queued: int = 0  # pieces handed to a batch
    parsed: int = 0  # pieces parsed and searched
    complete: bool = False  # every piece is queued
    limit: float = 0.0  # seconds this document may take (0: no limit)
    spent: float = 0.0  # CPU seconds of parsing charged to it so far
    timed_out: bool = False
    found: list[RelationMention] = field(default_factory=list)

    @property
    def finished(self) -> bool:
        return (
            self.error is not None
            or self.timed_out
            or (self.complete and self.parsed == self.queued)
        )


@dataclass(frozen=True)
class _Piece:
    job: _Job
    offset: int
    text: str


class Extractor:
    """Extracts relation mentions from documents with spaCy, the knowledge base and rules."""

    def __init__(
        self,
        kb: KnowledgeBase | None = None,
        lexicon: Lexicon | None = None,
        nlp: Any = None,
        keep_negated: bool = False,
    ) -> None:
        from graphx.extraction.mentions import MentionFinder
        from graphx.extraction.nlp import load_model
        from graphx.extraction.rules import RuleEngine

        self.kb = kb or load_knowledge_base()
        self.lexicon = lexicon or load_lexicon()
        self.nlp = nlp or load_model()
        self.keep_negated = keep_negated
        self.mentions = MentionFinder(self.nlp, self.kb, self.lexicon.words["alias_verbs"])
        self.rules = RuleEngine(self.lexicon, self.kb)

    def extract(self, document: Document) -> list[RelationMention]:
        return next(iter(self.extract_many([document]))).relations  # type: ignore[union-attr]

    def extract_many(
        self, documents: Iterable[Document], *, timeout: float = 0
    ) -> Iterator[DocumentResult | DocumentTimeout]:
        """Results for each document, in order; the parser runs batched over the stream.
        With `timeout` (seconds per document), a document that takes longer is a
        DocumentTimeout instead, and the others are still extracted."""
        found: list[RelationMention] = []
        for part in self.extract_parts(documents, timeout=timeout):
            if isinstance(part, InputError):
                found = []
                yield part  # type: ignore[misc]
                continue
            found.extend(part.relations)
            if part.last:
                yield DocumentResult(part.document, found)
                found = []

    def extract_parts(
        self, items: Iterable[InputItem], *, timeout: float = 0
    ) -> Iterator[DocumentPart | InputError]:
        """For each input in order: its InputError (passed through), or its relations in one
        or more DocumentParts.  A document over `timeout` seconds (0: no limit) ends with a
        DocumentTimeout after whatever parts it already gave: callers drop those."""
        order: deque[_Job] = deque()
        batch: list[_Piece] = []
        size = 0
        for item in items:
            if isinstance(item, InputError):
                order.append(_Job(error=item))
                if not batch:
                    yield from _emit(order)
                continue
            masked = analysis_text(item.text)
            job = _Job(item, masked=masked, dates=DateIndex(masked, item.date), limit=timeout)
            order.append(job)
            parsed_text = defuse_tokenizer_traps(set_off_datelines(masked))
            for offset, piece in split_chunks(parsed_text):
                if job.timed_out:
                    break
                if batch and (size + len(piece) > BATCH_CHARS or len(batch) >= BATCH_PIECES):
                    self._run(batch, timeout)
                    yield from _emit(order)
                    batch, size = [], 0
                batch.append(_Piece(job, offset, piece))
                job.queued += 1
                size += len(piece)
            job.complete = True
        if batch:
            self._run(batch, timeout)
        yield from _emit(order)

    def _run(self, batch: list[_Piece], timeout: float) -> None:
        """Parse and search `batch`, adding to each job's relations; a job whose time runs out
        is marked timed out.  When several documents share a batch that runs out of time, each
        is run again alone, so only the slow one is lost."""
        jobs = list(dict.fromkeys(piece.job for piece in batch if not piece.job.timed_out))
        if not jobs:
            return
        limit = min(timeout - job.spent for job in jobs) if timeout > 0 else 0.0
        if timeout > 0 and limit <= 0:
            for job in jobs:
                job.timed_out = job.timed_out or job.spent >= timeout
            return self._run([p for p in batch if not p.job.timed_out], timeout)
        pieces = [piece for piece in batch if not piece.job.timed_out]
        start = _cpu_time()
        try:
            with _time_limit(limit):
                found = self._search(pieces)
        except _TimeUp:
            if len(jobs) == 1:
                jobs[0].timed_out = True
                return
            for job in jobs:
                self._run([piece for piece in pieces if piece.job is job], timeout)
            return
        elapsed = _cpu_time() - start
        for job in jobs:
            job.spent += elapsed
        for piece, relations in zip(pieces, found, strict=True):
            piece.job.found.extend(relations)
            piece.job.parsed += 1

    def _search(self, pieces: list[_Piece]) -> list[list[RelationMention]]:
        texts = [piece.text for piece in pieces]
        parsed_pieces = self.nlp.pipe(texts, batch_size=len(texts))
        return [
            list(self._relations(piece.job, parsed, piece.offset))
            for piece, parsed in zip(pieces, parsed_pieces, strict=True)
        ]

    def _relations(self, job: _Job, parsed: Any, offset: int) -> Iterator[RelationMention]:
        from graphx.extraction.mentions import to_actor_mention
        from graphx.extraction.rules import wrong_for_types

        document, masked, dates = job.document, job.masked, job.dates
        assert document is not None and dates is not None
        found_mentions = self.mentions.find(parsed, lambda char: dates.date_at(offset + char))
        if not found_mentions.mentions:
            return

        def mention(found: Any) -> ActorMention:
            return _exact(to_actor_mention(found, parsed, offset), masked)

        for sent in found_mentions.sentences_to_read():
            for found in self.rules.relations(sent, found_mentions):
                if found.negated and not self.keep_negated:
                    continue
                start, end = _trimmed(
                    document.text, offset + sent.start_char, offset + sent.end_char
                )
                sentence = document.text[start:end]
                analysed = masked[start:end]
                # the relation's own clause dates it; else the section's or document's date
                in_force = dates.date_at(start)
                date = clause_date(found.cue, sent, in_force) or in_force
                if wrong_for_types(
                    self.lexicon,
                    self.kb,
                    found.relation,
                    found.rule,
                    found.source.actor,
                    found.target.actor,
                    date,
                ):
                    continue
                yield RelationMention(
                    doc=document.id,
                    relation=found.relation,
                    source=mention(found.source),
                    target=mention(found.target),
                    sentence=sentence if sentence == analysed else _clean_sentence(analysed),
                    sentence_span=(start, end),
                    date=date,
                    claimed_by=mention(found.claimant) if found.claimant else None,
                    confidence=found.confidence,
                    rule=found.rule,
                    negated=found.negated,
                )


def _emit(order: deque[_Job]) -> Iterator[DocumentPart | InputError]:
    """What the front of `order` has ready, in input order: errors, timeouts, and the
    relations found so far of the document being parsed."""
    while order:
        job = order[0]
        if job.error is not None:
            yield job.error
        elif job.timed_out:
            assert job.document is not None
            yield DocumentTimeout(job.document.source, job.limit)
        elif job.found or job.finished:
            assert job.document is not None
            yield DocumentPart(job.document, job.found, job.finished)
            job.found = []
        if not job.finished:
            return
        order.popleft()


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Raise _TimeUp in the block after `seconds` of CPU time (0: no limit).
    CPU time, not wall time: on a busy machine (CI, a shared server) a document waiting for a
    core is not charged for the wait, so only a document that really costs that much is cut.
    On the main thread SIGPROF interrupts the parser where it is (the process's CPU time);
    off it (a Dask worker's task thread: no signals there) a watchdog thread reads this
    thread's own CPU clock and raises _TimeUp in it the same way, between two bytecodes."""
    if seconds <= 0:
        yield
        return
    start = _cpu_time()
    alarm = threading.current_thread() is threading.main_thread() and hasattr(signal, "SIGPROF")
    watchdog = None
    if alarm:

        def ring(signum: int, frame: Any) -> None:
            raise _TimeUp

        previous = signal.signal(signal.SIGPROF, ring)
        signal.setitimer(signal.ITIMER_PROF, seconds)
    elif hasattr(time, "pthread_getcpuclockid"):
        watchdog = _Watchdog(seconds)
    try:
        yield
    finally:
        if alarm:
            signal.setitimer(signal.ITIMER_PROF, 0)
            signal.signal(signal.SIGPROF, previous)
        if watchdog is not None and watchdog.stop():
            raise _TimeUp
    if _cpu_time() - start > seconds:  # the alarm came while a library ignored it
        raise _TimeUp


def _cpu_time() -> float:
    """CPU seconds as the time limit counts them: the process's on the main thread (what
    SIGPROF measures), the thread's own elsewhere (a worker's other threads are not the
    document's)."""
    if threading.current_thread() is threading.main_thread():
        return time.process_time()
    return time.thread_time()


class _Watchdog:
    """Raises _TimeUp in the thread that made it once that thread has used `seconds` of CPU
    time, unless stopped first; checked every POLL seconds."""

    POLL = 0.05

    def __init__(self, seconds: float) -> None:
        self.ident = threading.get_ident()
        self.clock = time.pthread_getcpuclockid(self.ident)
        self.deadline = time.clock_gettime(self.clock) + seconds
        self.lock = threading.Lock()
        self.stopped = threading.Event()
        self.fired = False
        threading.Thread(target=self._watch, name="graphx-time-limit", daemon=True).start()

    def _watch(self) -> None:
        while not self.stopped.wait(self.POLL):
            try:
                over = time.clock_gettime(self.clock) >= self.deadline
            except OSError:  # the thread is gone
                return
            if over:
                with self.lock:
                    if not self.stopped.is_set():
                        self.fired = True
                        _raise_in_thread(self.ident, _TimeUp)
                return

    def stop(self) -> bool:
        """Stop watching; True when the time ran out (a _TimeUp not yet raised is withdrawn:
        the caller raises it, at a point of its choosing)."""
        with self.lock:
            self.stopped.set()
            if self.fired:
                _raise_in_thread(self.ident, None)
            return self.fired


def _raise_in_thread(ident: int, exception: type[BaseException] | None) -> None:
    """Have the thread `ident` raise `exception` at its next bytecode (None: withdraw one
    pending)."""
    import ctypes

    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(ident), ctypes.py_object(exception) if exception is not None else None
    )


def _exact(mention: ActorMention, masked: str) -> ActorMention:
    """The mention's text as the analysed document has it at its span (the parser saw a copy
    with tokenizer traps blanked)."""
    text = masked[mention.start : mention.end]
    return mention if mention.text == text else replace(mention, text=text)


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
    """(offset, piece) pieces of at most `limit` characters, cut after a paragraph or line
    break, else after a sentence end, else at a space (a text that fits is one piece)."""
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = window.rfind("\n\n") + 2
        if cut < limit // 2:
            cut = window.rfind("\n") + 1
        if cut < limit // 2:
            sentence_end = max(window.rfind(". "), window.rfind("! "), window.rfind("? "))
            cut = sentence_end + 2 if sentence_end >= limit // 2 else window.rfind(" ") + 1
        if cut <= 0:
            cut = limit
        yield start, window[:cut]
        start += cut
    yield start, text[start:]


# ----------------------------------------------------------------------------- records
# The JSON Lines contract of `graphx extract` (its keys documented in the README): relation
# mentions become JSON objects here and come back from JSON here, and nowhere else.


def actor_record(mention: ActorMention, kb: KnowledgeBase) -> dict[str, Any]:
    """The JSON object of the output contract for one actor mention (`parents` by name)."""
    actor = mention.actor
    return {
        "id": actor.id,
        "name": actor.name,
        "type": actor.type,
        # the other names the knowledge base knows it by: a reader (or a scorer) matching by
        # name finds "Ali al-Sistani" under "Sistani" too
        "aliases": list(actor.aliases),
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


def relation_from_record(where: str, record: Any) -> RelationMention:
    """The relation mention a JSON object of the output contract describes (`where` names it
    in errors: FILE:LINE). Raises InputError for an object that does not follow the contract.

    Only what the object says is kept: an actor's `parents` are names, not ids, so they are
    dropped (the store takes parents from its knowledge base), and an actor without
    `provisional` counts as provisional. A hand-written record may leave out `date`,
    `claimed_by`, `confidence` (0), `rule`, an actor's `type` and `text`."""
    if not isinstance(record, dict):
        raise InputError(where, "not a JSON object")
    for key in ("doc", "relation", "source", "target", "sentence", "sentence_span"):
        if key not in record:
            raise InputError(where, f"missing '{key}'")
    if record["relation"] not in RELATION_TYPES:
        raise InputError(where, f"unknown relation {record['relation']!r}")
    confidence = record.get("confidence", 0.0)
    if isinstance(confidence, bool) or not isinstance(confidence, int | float):
        raise InputError(where, "'confidence' must be a number")
    claimed_by = record.get("claimed_by")
    return RelationMention(
        doc=str(record["doc"]),
        relation=record["relation"],
        source=_actor_mention(where, "source", record["source"]),
        target=_actor_mention(where, "target", record["target"]),
        sentence=str(record["sentence"]),
        sentence_span=_span(where, "sentence_span", record["sentence_span"]),
        date=_optional_text(record.get("date")),
        claimed_by=_actor_mention(where, "claimed_by", claimed_by) if claimed_by else None,
        confidence=float(confidence),
        # None, not "", for a record without one: mention ids hash it as the record has it
        rule=_optional_text(record.get("rule")),  # type: ignore[arg-type]
        negated=bool(record.get("negated", False)),
    )


def _actor_mention(where: str, key: str, ref: Any) -> ActorMention:
    if not isinstance(ref, dict) or not ref.get("id") or not ref.get("name"):
        raise InputError(where, f"'{key}' needs an 'id' and a 'name'")
    start, end = _span(where, f"'{key}' span", ref.get("span"))
    actor = Actor(
        id=str(ref["id"]),
        name=str(ref["name"]),
        type=str(ref.get("type") or "provisional"),
        aliases=tuple(str(a) for a in ref.get("aliases") or () if isinstance(a, str)),
        provisional=bool(ref.get("provisional", True)),
    )
    return ActorMention(actor, start, end, _optional_text(ref.get("text")))  # type: ignore[arg-type]


def _span(where: str, what: str, value: Any) -> tuple[int, int]:
    if (
        isinstance(value, list | tuple)
        and len(value) == 2
        and all(isinstance(n, int) and not isinstance(n, bool) for n in value)
    ):
        return value[0], value[1]
    name = what if what.startswith("'") else f"'{what}'"
    raise InputError(where, f"{name} must be [start, end] (two integers)")


def _optional_text(value: Any) -> str | None:
    return None if value is None else str(value)


# ----------------------------------------------------------------------------- streaming
StreamItem = InputError | tuple[Document, list[RelationMention]]

_worker: Extractor | None = None


def _start_worker(
    kb_files: Sequence[str], kb_override_files: Sequence[str], keep_negated: bool
) -> None:
    global _worker
    if _worker is None:  # with "fork" the parent already built it and the worker inherited it
        kb = load_knowledge_base(kb_files, kb_override_files)
        _worker = Extractor(kb=kb, keep_negated=keep_negated)


def _work(documents: list[Document], timeout: float) -> list[StreamItem]:
    assert _worker is not None
    return list(_whole(_stripped_parts(_worker, documents, timeout)))


def _stripped_parts(
    extractor: Extractor, items: Iterable[InputItem], timeout: float
) -> Iterator[InputError | DocumentPart]:
    for part in extractor.extract_parts(items, timeout=timeout):
        if isinstance(part, InputError):
            yield part
            continue
        # the document travels on without its text: callers need its id and metadata
        yield DocumentPart(replace(part.document, text=""), part.relations, part.last)


def _whole(parts: Iterable[InputError | DocumentPart]) -> Iterator[StreamItem]:
    """One (document, relations) per document; the parts of a document that timed out (its
    DocumentTimeout follows them) are dropped."""
    relations: list[RelationMention] = []
    for part in parts:
        if isinstance(part, InputError):
            relations = []
            yield part
            continue
        relations.extend(part.relations)
        if part.last:
            yield part.document, relations
            relations = []


def extract_stream(
    items: Iterable[InputItem],
    *,
    jobs: int = 1,
    kb_files: Sequence[str | Path] = (),
    kb_override_files: Sequence[str | Path] = (),
    kb: KnowledgeBase | None = None,
    keep_negated: bool = False,
    extractor: Extractor | None = None,
    timeout: float = 0,
    parts: bool = False,
) -> Iterator[Any]:
    """For each input in order: its InputError, or (document without text, its
    RelationMentions). `kb`, when the caller already loaded it from the same files, saves
    loading it again (worker processes started with "spawn" load the files themselves).
    `timeout`: seconds one document may take (0: no limit); a slower one is a DocumentTimeout.
    `parts`: yield DocumentParts instead, so a big document's relations need not be held."""
    if jobs <= 1:
        extractor = extractor or Extractor(
            kb=kb or load_knowledge_base(kb_files, kb_override_files), keep_negated=keep_negated
        )
        stream = _stripped_parts(extractor, items, timeout)
        yield from stream if parts else _whole(stream)
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
            # Only documents go to the workers; read errors wait here, in their place.
            window: deque[tuple[list[InputError | None], Any]] = deque()
            for batch in _batched(items, _BATCH_DOCS):
                documents = [item for item in batch if isinstance(item, Document)]
                places = [item if isinstance(item, InputError) else None for item in batch]
                pending = pool.apply_async(_work, (documents, timeout)) if documents else None
                window.append((places, pending))
                del batch, documents
                if len(window) >= jobs * 3:
                    yield from _in_place(*window.popleft(), parts)
            while window:
                yield from _in_place(*window.popleft(), parts)
    finally:
        _worker = None


def _in_place(places: list[InputError | None], pending: Any, parts: bool) -> Iterator[Any]:
    results = iter(pending.get() if pending is not None else ())
    for error in places:
        if error is not None:
            yield error
            continue
        result = next(results)
        if parts and not isinstance(result, InputError):
            yield DocumentPart(result[0], result[1], True)
        else:
            yield result


def _batched(items: Iterable[InputItem], size: int) -> Iterator[list[InputItem]]:
    batch: list[InputItem] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


# ----------------------------------------------------------------------------- writing
EXIT_INPUT_FAILED = 3
"""Exit code of a run in which some inputs could not be read (the others were still done)."""


@dataclass
class ExtractReport:
    """What one extraction wrote: documents extracted, relation mentions, inputs failed."""

    documents: int = 0
    relations: int = 0
    failures: int = 0

    @property
    def exit_code(self) -> int:
        """0, or EXIT_INPUT_FAILED when some inputs failed (each was reported on its own)."""
        return EXIT_INPUT_FAILED if self.failures else 0

    def summary(self) -> str:
        """One line: relations from documents, and failed inputs when there were any."""
        failed = f"; {self.failures} input(s) failed" if self.failures else ""
        return f"{self.relations} relations from {self.documents} documents{failed}"


def extract_to_jsonl(
    paths: Iterable[str],
    output: str | None = None,
    *,
    max_bytes: int | None = None,
    doc_id: str | None = None,
    warn: Callable[[str], None] | None = None,
    on_failure: Callable[[InputError], None] | None = None,
    on_progress: Callable[[ExtractReport], None] | None = None,
    **options: Any,
) -> ExtractReport:
    """Read the documents `paths` name (files, folders, JSON Lines corpora, `-`) and write
    their relation mentions as `write_jsonl` does, to the file `output` or standard output.

    `max_bytes`, `doc_id` and `warn` go to `read_inputs` (which raises at once, before any
    output is opened, for a misused `doc_id` or a file of relation mentions); `options` go to
    `extract_stream`.  The report's `exit_code` says whether some inputs failed."""
    reading: dict[str, Any] = {"doc_id": doc_id, "warn": warn}
    if max_bytes is not None:
        reading["max_bytes"] = max_bytes
    items = read_inputs(paths, **reading)
    return write_jsonl(items, output, on_failure=on_failure, on_progress=on_progress, **options)


def write_jsonl(
    items: Iterable[InputItem],
    output: str | None = None,
    *,
    stream: IO[str] | None = None,
    on_failure: Callable[[InputError], None] | None = None,
    on_progress: Callable[[ExtractReport], None] | None = None,
    **options: Any,
) -> ExtractReport:
    """Extract `items` and write one JSON object per relation mention to the file `output`,
    or to `stream` (default: standard output).  `options` go to `extract_stream`.

    A file is written under a temporary name beside it and renamed when done, so a failed
    run (disk full, an error, Ctrl-C) leaves no partial file and an existing one untouched.
    Each failed input goes to `on_failure` as it happens, and `on_progress` hears the report
    so far after each input, written or failed.  A write that fails raises OutputError."""
    report = ExtractReport()
    kb = options.pop("kb", None) or load_knowledge_base(
        options.get("kb_files", ()), options.get("kb_override_files", ())
    )
    parts = extract_stream(items, parts=True, kb=kb, **options)
    if output is None:
        target = stream if stream is not None else sys.stdout
        try:
            _write_parts(parts, target, kb, report, on_failure, on_progress)
        except OSError as exc:
            raise OutputError(f"standard output: cannot write: {_reason(exc)}") from exc
        return report
    with _replacing(output) as handle:
        _write_parts(parts, handle, kb, report, on_failure, on_progress)
    return report


def _write_parts(
    parts: Iterable[InputError | DocumentPart],
    handle: IO[str],
    kb: KnowledgeBase,
    report: ExtractReport,
    on_failure: Callable[[InputError], None] | None,
    on_progress: Callable[[ExtractReport], None] | None = None,
) -> None:
    # The first parts of a document cut in pieces wait in a spool file until its last part:
    # a document that then runs out of time leaves nothing in the output.
    spool: IO[str] | None = None
    held = 0
    for part in parts:
        if isinstance(part, InputError):
            report.failures += 1
            if spool is not None:
                spool.close()
                spool, held = None, 0
            if on_failure is not None:
                on_failure(part)
            if on_progress is not None:
                on_progress(report)
            continue
        lines = "".join(_json_line(relation_record(r, kb)) for r in part.relations)
        if not part.last:
            if spool is None:
                spool = tempfile.SpooledTemporaryFile(  # noqa: SIM115 - closed below
                    max_size=4_000_000, mode="w+", encoding="utf-8"
                )
            spool.write(lines)
            held += len(part.relations)
            continue
        if spool is not None:
            spool.seek(0)
            shutil.copyfileobj(spool, handle)
            spool.close()
        handle.write(lines)
        handle.flush()
        report.documents += 1
        report.relations += held + len(part.relations)
        spool, held = None, 0
        if on_progress is not None:
            on_progress(report)


def _json_line(record: dict[str, Any]) -> str:
    import json

    return json.dumps(record, ensure_ascii=False) + "\n"


@contextmanager
def _replacing(output: str) -> Iterator[IO[str]]:
    """A text handle whose contents replace the file `output` when the block ends well."""
    try:
        existing = os.stat(output)
    except FileNotFoundError:
        existing = None
    except OSError as exc:
        raise OutputError(f"{output}: cannot write: {_reason(exc)}") from exc
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        # a device or a pipe (/dev/null, a FIFO): written in place, there is nothing to rename
        try:
            with open(output, "w", encoding="utf-8") as handle:
                yield handle
        except OSError as exc:
            raise OutputError(f"{output}: cannot write: {_reason(exc)}") from exc
        return
    target = Path(os.path.realpath(output))
    try:
        descriptor, temporary = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=".partial"
        )
    except OSError as exc:
        raise OutputError(f"{output}: cannot write: {_reason(exc)}") from exc
    try:
        mode = stat.S_IMODE(existing.st_mode) if existing is not None else 0o666 & ~_umask()
        os.chmod(temporary, mode)
        with open(descriptor, "w", encoding="utf-8") as handle:
            yield handle
        os.replace(temporary, target)  # after close: a disk full shows on the last flush
    except BaseException as exc:
        with suppress(OSError):
            os.unlink(temporary)
        if isinstance(exc, OSError):
            kept = "the old file is left as it was" if existing is not None else "nothing written"
            raise OutputError(f"{output}: cannot write: {_reason(exc)}; {kept}") from exc
        raise


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)
