"""From relation mentions (`RelationMention` records, the extraction's output) to the rows both
stores load.

The graph model, the same in Neo4j and the embedded store:

    (:Actor {id, name, type, aliases, country, wikidata, provisional, rollup})
                    rollup: the state an organ of it counts as (KnowledgeBase.rollup)
    (:Actor)-[:PART_OF {kb: true}]->(:Actor)                 parents from the knowledge base
    (:Document {id, title, date, url, outlet})
    (:Mention {id, doc, relation, source_id, target_id, sentence, spans, date, confidence,
               claimed_by, rule, negated})
    (:Mention)-[:IN_DOCUMENT]->(:Document), -[:SOURCE]->, -[:TARGET]->, -[:CLAIMED_BY]->(:Actor)
    (:Actor)-[:SUPPORTS|OPPOSES|STRIKES|... {mentions, documents, sources, first_date,
                                              last_date, weight, kb}]->(:Actor)

A typed edge counts what states it three ways: `mentions`, the sentences (a headline, the lead
and a later paragraph repeating one strike are three); `documents`, the distinct documents (that
strike is one); `sources`, the distinct outlets of those documents where an outlet is known (its
JSON Lines `outlet`, else its URL's host; 0 when no document says). Rankings use `documents`, so
an event repeated inside one article counts once. Negated mentions count nowhere.

Mention ids are content hashes, so loading the same mentions twice changes nothing.
"""

from __future__ import annotations

import hashlib
import operator
import queue
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import groupby
from typing import Any, TypeVar

from graphx.extraction.kb import KnowledgeBase
from graphx.models import RELATION_TYPES, Actor, Document, RelationMention

# Relation type -> edge label; the only way a label reaches Cypher text.
EDGE_LABELS: dict[str, str] = {relation: relation.upper() for relation in RELATION_TYPES}

# Every property of a Mention row but its id: all of them go into the id (see mention_id).
_IDENTITY_FIELDS = (
    "doc",
    "relation",
    "source_id",
    "target_id",
    "source_text",
    "target_text",
    "source_start",
    "source_end",
    "target_start",
    "target_end",
    "sentence",
    "sentence_start",
    "sentence_end",
    "date",
    "confidence",
    "claimed_by",
    "rule",
    "negated",
)
_identity = operator.itemgetter(*_IDENTITY_FIELDS)


@dataclass
class Batch:
    """Rows for one load step: whole documents, so a document is replaced as a unit."""

    documents: dict[str, dict[str, Any]] = field(default_factory=dict)
    actors: dict[str, dict[str, Any]] = field(default_factory=dict)
    mentions: dict[str, dict[str, Any]] = field(default_factory=dict)
    # Documents known only by id (loaded from extract's output, which carries no title, date
    # or url): the store keeps the metadata it has for them instead of blanking it.
    metadata_unknown: set[str] = field(default_factory=set)
    # The mentions in the form the store writes them (GraphStore.prepare), when prepared
    prepared: Any = None
    # The ids of its documents the store already holds, when the loader has asked
    stored_documents: set[str] | None = None

    def actor_rows(self) -> list[dict[str, Any]]:
        """Actor rows as stored: parent ids become PART_OF edges, not a property."""
        return [{k: v for k, v in a.items() if k != "parent_ids"} for a in self.actors.values()]


def mention_id(row: Mapping[str, Any]) -> str:
    """A content hash of everything a mention asserts (document, relation, actors and their
    spans and text, sentence and its span, date, confidence, claimant, rule, negation): loading
    the same mention again finds it in place, and a re-extracted document whose text changed
    without moving the spans (a corrected dateline, a reworded clause of the same length) gets
    new ids for what changed, so nothing outdated is kept."""
    # repr tells None from "None" and 1 from "1"; itemgetter keeps this cheap (100k rows)
    key = repr(_identity(row))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]


def stored_actor(row: Mapping[str, Any]) -> Actor:
    """The actor a stored Actor row (id, name, type, aliases, country, wikidata, provisional)
    describes."""
    return Actor(
        id=row["id"],
        name=row.get("name") or row["id"],
        type=row.get("type") or "provisional",
        aliases=tuple(row.get("aliases") or ()),
        country=row.get("country"),
        wikidata=row.get("wikidata"),
        provisional=bool(row.get("provisional", True)),
    )


class RowBuilder:
    """Turns relation mentions into batches, adding each actor's knowledge-base details and
    parents."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    def actor_row(self, actor: Actor) -> dict[str, Any]:
        """The stored row of `actor`: the knowledge base's details when it knows the id (the
        record may come from an older extraction), else the actor's own."""
        if actor.id in self.kb:
            known = self.kb.get(actor.id)
            return {
                "id": known.id,
                "name": known.name,
                "type": known.type,
                "aliases": list(known.aliases),
                "country": known.country,
                "wikidata": known.wikidata,
                "provisional": False,
                "rollup": self.kb.rollup(known.id),
                "parent_ids": list(known.parents),
            }
        return {
            "id": actor.id,
            "name": actor.name,
            "type": actor.type or "provisional",
            "aliases": list(actor.aliases),
            "country": actor.country,
            "wikidata": actor.wikidata,
            "provisional": actor.provisional,
            "rollup": actor.id,
            "parent_ids": [],
        }

    def add(self, batch: Batch, relation: RelationMention) -> None:
        """Add the mention's row, and its actors' rows, to `batch`."""
        source, target, claimed_by = relation.source, relation.target, relation.claimed_by
        actors = batch.actors
        for mention in (source, target, claimed_by):
            if mention is not None and mention.actor.id not in actors:
                actors.update(self.actor_closure([mention.actor], skip=actors.keys()))
        sentence_start, sentence_end = relation.sentence_span
        # one literal, not item by item: rows are built 100k at a time
        row = {
            "id": "",
            "doc": str(relation.doc),
            "relation": relation.relation,
            "source_id": source.actor.id,
            "target_id": target.actor.id,
            "source_text": source.text,
            "target_text": target.text,
            "source_start": source.start,
            "source_end": source.end,
            "target_start": target.start,
            "target_end": target.end,
            "sentence": relation.sentence,
            "sentence_start": sentence_start,
            "sentence_end": sentence_end,
            "date": relation.date,
            "confidence": float(relation.confidence),
            "claimed_by": claimed_by.actor.id if claimed_by else None,
            "rule": relation.rule,
            "negated": bool(relation.negated),
        }
        row["id"] = key = mention_id(row)
        batch.mentions[key] = row

    def actor_closure(
        self, actors: Iterable[Actor | Mapping[str, Any]], skip: Iterable[str] = ()
    ) -> dict[str, dict[str, Any]]:
        """Rows for `actors` and, through the knowledge base, all their parents (actors the
        knowledge base does not know keep their own details). Stored Actor rows are taken
        too (see stored_actor): the store brings its actors in line with the knowledge base."""
        rows: dict[str, dict[str, Any]] = {}
        done = set(skip)
        todo = [a if isinstance(a, Actor) else stored_actor(a) for a in actors]
        while todo:
            current = todo.pop()
            if current.id in done or current.id in rows:
                continue
            row = self.actor_row(current)
            rows[row["id"]] = row
            # a parent the knowledge base lacks (a broken reference) stays a provisional actor
            todo.extend(
                Actor(id=p, name=p, type="provisional", provisional=True)
                for p in row["parent_ids"]
                if p not in rows
            )
        return rows

    def document_row(self, batch: Batch, doc_id: str, document: Document | None) -> None:
        """The document's node, with its metadata when known (a document with no relations
        still becomes a node: it was read)."""
        if document is None and doc_id not in batch.documents:
            batch.metadata_unknown.add(doc_id)
        batch.documents.setdefault(
            doc_id,
            {
                "id": doc_id,
                "title": document.title if document else None,
                "date": document.date if document else None,
                "url": document.url if document else None,
                "outlet": document.outlet if document else None,
            },
        )


def by_document(
    relations: Iterable[RelationMention], documents: Iterable[Document] = ()
) -> Iterator[tuple[Document | None, str, list[RelationMention]]]:
    """(document metadata or None, document id, its relation mentions) for each run of one
    document's mentions, then each of `documents` no mention named (it was read, so it
    becomes a node): what batches_by_document takes. The documents' text is dropped: only
    their metadata is stored."""
    metadata = {document.id: replace(document, text="") for document in documents}
    seen: set[str] = set()
    for doc_id, group in groupby(relations, key=lambda relation: str(relation.doc)):
        seen.add(doc_id)
        yield metadata.get(doc_id), doc_id, list(group)
    for doc_id, document in metadata.items():
        if doc_id not in seen:
            yield document, doc_id, []


def batches_by_document(
    documents: Iterable[tuple[Document | None, str, Sequence[RelationMention]]],
    builder: RowBuilder,
    size: int = 2000,
    first: int | None = None,
) -> Iterator[Batch]:
    """Batches of about `size` mentions made of whole documents (a document is replaced as a
    unit): each item is (document metadata or None, document id, its relation mentions).
    `first` makes the first batch smaller: a store fed through `prefetched` starts writing
    sooner, while the next batch is built."""
    batch = Batch()
    limit = min(size, first or size)
    for document, doc_id, relations in documents:
        if batch.mentions and len(batch.mentions) + len(relations) > limit:
            yield batch
            batch = Batch()
            limit = size
        builder.document_row(batch, doc_id, document)
        for relation in relations:
            builder.add(batch, relation)
    if batch.documents:
        yield batch


T = TypeVar("T")
_END = object()


def prefetched(items: Iterable[T], depth: int = 1) -> Iterator[T]:
    """`items`, in order, produced by a background thread up to `depth` items ahead of the
    caller. Loading, the store writes one batch while the next one's rows are read and built:
    both databases release the GIL while they work (LadybugDB in its engine, the Neo4j driver
    waiting on the server), so parsing and row building leave the critical path. An error
    the producer meets is raised here, in order; a caller that stops early stops the thread
    at its next item."""
    handoff: queue.Queue[tuple[Any, BaseException | None]] = queue.Queue(maxsize=depth)
    stopped = threading.Event()

    def put(item: Any, error: BaseException | None = None) -> bool:
        while not stopped.is_set():
            try:
                handoff.put((item, error), timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            for item in items:
                if not put(item):
                    return
        except BaseException as exc:  # handed to the caller, who raises it
            put(_END, exc)
            return
        put(_END)

    thread = threading.Thread(target=produce, name="graphx-rows", daemon=True)
    thread.start()
    try:
        while True:
            item, error = handoff.get()
            if item is _END:
                if error is not None:
                    raise error
                return
            yield item
    finally:
        stopped.set()
        thread.join()


EdgeKey = tuple[str, str, str]  # (source id, relation, target id)


def _edge(
    source: str,
    target: str,
    weight: float,
    kb: bool = False,
    counts: tuple[int, int, int] = (0, 0, 0),
    first_date: str | None = None,
    last_date: str | None = None,
) -> dict[str, Any]:
    """A typed edge's row: `counts` are its mentions, documents and sources."""
    mentions, documents, sources = counts
    return {
        "source": source,
        "target": target,
        "mentions": mentions,
        "documents": documents,
        "sources": sources,
        "first_date": first_date,
        "last_date": last_date,
        "weight": weight,
        "kb": kb,
    }


EDGE_COUNTS = ("mentions", "documents", "sources")


def counted(
    source: str, target: str, weight: float, aggregate: Mapping[str, Any]
) -> dict[str, Any]:
    """The edge source -> target with the counts and date range of a mention aggregate (a row
    of MENTION_AGGREGATES: mentions, documents, sources, first_date, last_date)."""
    mentions, documents, sources = (int(aggregate[name] or 0) for name in EDGE_COUNTS)
    counts = (mentions, documents, sources)
    return _edge(
        source, target, weight, False, counts, aggregate["first_date"], aggregate["last_date"]
    )


def widen(edge: dict[str, Any], mentions: int, first: str | None, last: str | None) -> None:
    """Add `mentions` mentions dated `first`..`last` to an edge's mention count and date range
    (documents and sources are distinct counts: the caller sets them)."""
    edge["mentions"] += mentions
    if first is not None and (edge["first_date"] is None or first < edge["first_date"]):
        edge["first_date"] = first
    if last is not None and (edge["last_date"] is None or last > edge["last_date"]):
        edge["last_date"] = last


class EdgeTally:
    """What a first load's edges count, gathered as its mentions go by: the (document, date)
    of each stated mention by edge, and the outlet of each document. A load into a store that
    held no mentions counts its edges from this instead of aggregating the store again: the
    store holds nothing but what it added, so both give the same."""

    def __init__(self) -> None:
        self.seen: dict[EdgeKey, list[tuple[str, str | None]]] = {}
        self.outlets: dict[str, str | None] = {}
        self.finished: dict[EdgeKey, dict[str, Any]] | None = None

    def add(self, mentions: Iterable[Mapping[str, Any]], outlets: Mapping[str, str | None]) -> None:
        """Count the stated ones of `mentions`, whose documents have these `outlets`."""
        self.outlets.update(outlets)
        seen = self.seen
        for m in mentions:
            if m["negated"]:
                continue
            key = (m["source_id"], m["relation"], m["target_id"])
            before = seen.get(key)
            if before is None:
                seen[key] = [(m["doc"], m["date"])]
            else:
                before.append((m["doc"], m["date"]))

    def finish(self, weights: Mapping[str, int]) -> dict[EdgeKey, dict[str, Any]]:
        """The counted edges, with the counts MENTION_AGGREGATES would give them (mentions,
        distinct documents, distinct outlets, first and last date), by (source, relation,
        target), as counted_by_key gives them. Kept: `finished`."""
        outlets = self.outlets
        edges = {}
        for key, seen in self.seen.items():
            if len(seen) == 1:  # most edges: one mention, no sets to build
                doc, first = seen[0]
                documents, sources, last = 1, int(outlets.get(doc) is not None), first
            else:
                docs = {doc for doc, _ in seen}
                # count(DISTINCT d.outlet) and min/max skip what is missing
                documents, sources = len(docs), len({outlets.get(d) for d in docs} - {None})
                dates = [date for _, date in seen if date is not None]
                first, last = (min(dates), max(dates)) if dates else (None, None)
            counts = (len(seen), documents, sources)
            edges[key] = _edge(key[0], key[2], float(weights[key[1]]), False, counts, first, last)
        self.finished = edges
        return edges


def tallied(
    batches: Iterable[Batch], tally: EdgeTally, weights: Mapping[str, int]
) -> Iterator[Batch]:
    """`batches`, each counted into `tally` as it passes, and the tally finished after the
    last: on the thread that builds them (see prefetched), a first load's counting is done
    while the store writes. The load checks that every mention it counted was written."""
    for batch in batches:
        tally.add(
            batch.mentions.values(),
            {doc_id: row.get("outlet") for doc_id, row in batch.documents.items()},
        )
        yield batch
    tally.finish(weights)


@dataclass
class EdgeChanges:
    """The typed edges one load touched: the (source, relation, target) keys of the mentions
    it added or removed. Those edges are recounted from the store after the load, never
    incremented in place, so a store whose mentions were edited by hand (a mention deleted with
    `graphx query --write`, then loaded again) is repaired, not double-counted; a first load
    counts them itself (`tally`)."""

    touched: set[EdgeKey] = field(default_factory=set)
    # A first load's count of its edges (see EdgeTally). None: count them from the store.
    tally: EdgeTally | None = None
    # The tally was counted ahead, batch by batch as they were built: each batch must then be
    # written whole, as counted, or the tally is dropped.
    ahead: bool = False

    def add(
        self,
        mentions: Sequence[Mapping[str, Any]],
        outlets: Mapping[str, str | None],
        *,
        as_counted: bool = True,
    ) -> None:
        """Touch the edges of the `mentions` a batch wrote (its documents have these
        `outlets`); count them, when counting here. `as_counted`: the batch was written
        whole with the outlets it was built with (what a tally counted ahead saw)."""
        self.touched.update((m["source_id"], m["relation"], m["target_id"]) for m in mentions)
        if self.tally is None:
            return
        if self.ahead:
            if not as_counted:
                self.tally = None
            return
        self.tally.add(mentions, outlets)

    def remove(self, keys: Iterable[EdgeKey]) -> None:
        keys = list(keys)
        if keys:
            self.tally = None  # a removal: only the store can count what is left
        self.touched.update(keys)

    def tallied_edges(self, weights: Mapping[str, int]) -> dict[EdgeKey, dict[str, Any]]:
        """The edges the tally counted, as counted_by_key gives them."""
        assert self.tally is not None
        finished = self.tally.finished
        return finished if finished is not None else self.tally.finish(weights)

    def __bool__(self) -> bool:
        return bool(self.touched)


def desired_edges(
    aggregates: Iterable[Mapping[str, Any]],
    weights: Mapping[str, int],
    kb_links: Iterable[tuple[str, str]] = (),
) -> dict[str, dict[tuple[str, str], dict[str, Any]]]:
    """The typed edges the mentions call for, by label and (source, target): one per
    (source, relation, target) with its counts, first and last date and weight, plus the
    knowledge base's PART_OF links (marked kb, with the count the texts give them)."""
    edges: dict[str, dict[tuple[str, str], dict[str, Any]]] = {
        label: {} for label in EDGE_LABELS.values()
    }
    for row in aggregates:
        source, target, relation = row["source"], row["target"], row["relation"]
        edge = counted(source, target, float(weights[relation]), row)
        edges[EDGE_LABELS[relation]][(source, target)] = edge
    _add_kb_links(edges, weights, kb_links)
    return edges


def counted_by_key(
    aggregates: Iterable[Mapping[str, Any]], weights: Mapping[str, int]
) -> dict[EdgeKey, dict[str, Any]]:
    """The edges of mention aggregates (rows of MENTION_AGGREGATES), by (source, relation,
    target): what `updated_edges` takes as the recount."""
    edges = {}
    for row in aggregates:
        source, relation, target = row["source"], row["relation"], row["target"]
        edges[(source, relation, target)] = counted(source, target, float(weights[relation]), row)
    return edges


def updated_edges(
    present: Mapping[str, Mapping[tuple[str, str], Mapping[str, Any]]],
    touched: Iterable[EdgeKey],
    recounted: Mapping[EdgeKey, dict[str, Any]],
    weights: Mapping[str, int],
    kb_links: Iterable[tuple[str, str]] = (),
) -> dict[str, dict[tuple[str, str], dict[str, Any]]]:
    """The edges after a load, from the edges before it: each `touched` edge becomes its
    `recounted` edge (counted from the store after the load, see counted_by_key, or by
    EdgeChanges.tallied_edges) or, with no mention left, disappears; PART_OF edges follow the
    knowledge base as it is now (a parent removed from it loses its kb mark, and its edge
    unless texts state it)."""
    edges = {
        label: {key: dict(row) for key, row in present.get(label, {}).items()}
        for label in EDGE_LABELS.values()
    }
    for key in touched:
        source, relation, target = key
        label, pair = EDGE_LABELS[relation], (source, target)
        edge = recounted.get(key)
        if edge is None:
            edges[label].pop(pair, None)
        else:
            edges[label][pair] = edge
    kb_link_set = set(kb_links)
    part_of = edges["PART_OF"]
    for pair, edge in list(part_of.items()):
        edge["kb"] = pair in kb_link_set
        if not edge["kb"] and not edge["mentions"]:
            del part_of[pair]
    _add_kb_links(edges, weights, kb_link_set)
    return edges


def _add_kb_links(
    edges: dict[str, dict[tuple[str, str], dict[str, Any]]],
    weights: Mapping[str, int],
    kb_links: Iterable[tuple[str, str]],
) -> None:
    for child, parent in kb_links:
        edge = edges["PART_OF"].setdefault(
            (child, parent), _edge(child, parent, float(weights["part_of"]), kb=True)
        )
        edge["kb"] = True
