"""One store interface, two implementations (Neo4j and the embedded LadybugDB store).

`GraphStore` holds the loading algorithm once: for each batch of whole documents it upserts
actors and documents, deletes the mentions a document no longer has, inserts the ones it did
not have, and finally brings the typed actor-to-actor edges in line with the mentions. Loading
the same mentions twice therefore changes nothing, a re-extracted document replaces its own
mentions, and a load killed midway is completed by running it again.
"""

from __future__ import annotations

import contextlib
import gc
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from graphx.errors import QueryError, StoreOutdated, StoreUnavailable
from graphx.extraction.kb import KnowledgeBase
from graphx.store import cypher
from graphx.store.rows import (
    EDGE_COUNTS,
    EDGE_LABELS,
    Batch,
    EdgeChanges,
    EdgeTally,
    RowBuilder,
    counted_by_key,
    desired_edges,
    updated_edges,
)


@dataclass(frozen=True)
class QueryResult:
    columns: list[str]
    rows: list[list[Any]]

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


@dataclass
class LoadReport:
    documents: int = 0
    mentions_added: int = 0
    mentions_removed: int = 0
    mentions_kept: int = 0
    edges_added: int = 0
    edges_removed: int = 0
    counts: dict[str, int] = field(default_factory=dict)


# A label's edge changes: the rows of the edges to remove, and of those to add.
EdgeRows = tuple[list[dict[str, Any]], list[dict[str, Any]]]


class GraphStore(ABC):
    """The operations both stores implement; everything above them is written once."""

    location = ""
    # Mentions per write transaction (whole documents): what each database does best.
    batch_size = 2000

    # -- primitives each store implements -------------------------------------------------
    @abstractmethod
    def ensure_schema(self) -> None: ...

    @abstractmethod
    def run(self, statement: str, parameters: Mapping[str, Any] | None = None) -> QueryResult:
        """Run one statement (library Cypher only) and return its rows."""

    @abstractmethod
    def write_batch(self, batch: Batch, stale: set[str], fresh: list[dict[str, Any]]) -> None:
        """Apply one batch atomically: upsert actors and documents, delete `stale` mention
        ids, insert `fresh` mentions with their links."""

    @abstractmethod
    def write_edges(self, changes: Mapping[str, EdgeRows]) -> None:
        """Apply every label's edge changes, (removed rows, added rows) by label, in one
        transaction: one commit, not one a label."""

    @abstractmethod
    def reset(self) -> None:
        """Remove everything graphx stored."""

    @abstractmethod
    def close(self) -> None: ...

    def prepare(self, batch: Batch) -> Batch:
        """The batch with its mentions in the form this store writes them: work a loader does
        off the writing thread (see rows.prefetched). The default prepares nothing."""
        return batch

    def query(self, statement: str, parameters: Mapping[str, Any] | None = None) -> QueryResult:
        """Run a user's query; database errors become QueryError with the database's message."""
        return self.run(statement, parameters)

    # -- shared logic -------------------------------------------------------------------
    def load(
        self,
        batches: Iterable[Batch],
        kb: KnowledgeBase,
        weights: Mapping[str, int],
        tally: EdgeTally | None = None,
    ) -> LoadReport:
        """Load batches of whole documents, then bring the actors and typed edges in line.
        `tally`: the batches' edges, counted as they were built (see rows.tallied), which a
        first load then takes as they are.

        Every edge a load touched is counted again from the store's mentions (a first load,
        into a store with no mentions, counts its own: nothing else is there), and the actors
        follow the knowledge base as it is now (renamed, retyped, new or removed parents);
        actors no mention names any more, and no named actor has as a parent, go. After a load
        that died before its edges were brought in line (the store remembers one was under
        way), every edge is rebuilt from every mention instead."""
        with _cyclic_gc_paused():
            return self._load_batches(batches, kb, weights, tally)

    def _load_batches(
        self,
        batches: Iterable[Batch],
        kb: KnowledgeBase,
        weights: Mapping[str, int],
        tally: EdgeTally | None,
    ) -> LoadReport:
        self.ensure_schema()
        self.check_graph_model()
        report = LoadReport()
        interrupted = self._load_under_way()
        self.run(cypher.MARK_GRAPH_MODEL, {"model": cypher.GRAPH_MODEL})
        self.run(cypher.MARK_LOAD, {"under_way": True})
        changes = EdgeChanges()
        if not interrupted and not self.run(cypher.ANY_MENTION).rows:
            # a first load counts its edges: as the batches were built, or as it writes them
            changes.tally, changes.ahead = tally or EdgeTally(), tally is not None
        # A document can come in several pieces (a mentions file not sorted by document): its
        # later pieces add to what its first piece wrote in this load, they do not replace it.
        loaded: set[str] = set()
        # The actor rows this load wrote: a later batch naming the same actors leaves them be
        written: dict[str, dict[str, Any]] = {}
        try:
            for batch in batches:
                self._write_documents(batch, loaded, written, changes, report)
            self.sync_actors(kb)
            self.sync_edges(kb, weights, report, None if interrupted else changes)
            self.run(cypher.MARK_LOAD, {"under_way": False})
        except StoreUnavailable as exc:
            raise StoreUnavailable(
                f"{exc}; {report.documents} documents were loaded before that (run the same "
                "command again: it completes the load)"
            ) from exc
        report.counts = self.counts()
        return report

    def _write_documents(
        self,
        batch: Batch,
        loaded: set[str],
        written: dict[str, dict[str, Any]],
        changes: EdgeChanges,
        report: LoadReport,
    ) -> None:
        outlets_before = self._known_metadata(batch)
        batch.stored_documents = set(outlets_before)
        # Only a document the store holds can have mentions there (each has IN_DOCUMENT)
        stored = sorted(outlets_before)
        found = self.run(cypher.MENTIONS_OF_DOCUMENTS, {"docs": stored}).rows if stored else []
        existing = {row[0]: row[1:] for row in found}
        stale = {
            key
            for key, (*_, doc) in existing.items()
            if key not in batch.mentions and doc not in loaded
        }
        fresh = [m for key, m in batch.mentions.items() if key not in existing]
        batch.actors = {key: row for key, row in batch.actors.items() if written.get(key) != row}
        written.update(batch.actors)
        self.write_batch(batch, stale, fresh)
        loaded.update(batch.documents)
        outlets = {doc_id: row.get("outlet") for doc_id, row in batch.documents.items()}
        # written whole, with the outlets it was built with (none taken from the store)
        as_counted = len(fresh) == len(batch.mentions) and not (
            batch.metadata_unknown & batch.stored_documents
        )
        changes.add(fresh, outlets, as_counted=as_counted)
        # A document that changed outlet (a corrected url) changes its edges' source counts
        # although none of its mentions changed.
        moved = {
            doc_id
            for doc_id, outlet in outlets_before.items()
            if outlet != batch.documents[doc_id].get("outlet")
        }
        if moved:
            changes.tally = None  # counted under the outlet they had: count again
            changes.add([m for m in batch.mentions.values() if m["doc"] in moved], outlets)
            changes.remove(tuple(row[:3]) for row in existing.values() if row[3] in moved)
        changes.remove(tuple(existing[key][:3]) for key in stale)
        report.documents += len(batch.documents)
        report.mentions_added += len(fresh)
        report.mentions_removed += len(stale)
        report.mentions_kept += len(batch.mentions) - len(fresh)

    def _known_metadata(self, batch: Batch) -> dict[str, str | None]:
        """The outlet each of the batch's documents has in the store now (for those it holds).
        Documents loaded from extract's output carry no title, date, url or outlet: they keep
        what the store knows of them (from an earlier build) rather than blanking it."""
        known = self.run(cypher.DOCUMENT_METADATA, {"ids": sorted(batch.documents)}).records()
        outlets = {}
        for row in known:
            outlets[row["id"]] = row["outlet"]
            if row["id"] in batch.metadata_unknown:
                batch.documents[row["id"]].update(row)
        return outlets

    def check_graph_model(self) -> None:
        """Refuse (StoreOutdated) a store that holds a graph written with an older model."""
        try:
            if self.run(cypher.GRAPH_MODEL_MARKED, {"model": cypher.GRAPH_MODEL}).rows:
                return
        except QueryError:  # no GraphxState table at all: older still
            pass
        if self.run(cypher.ANY_ACTOR).rows:
            raise StoreOutdated(self.location)

    def _load_under_way(self) -> bool:
        return any(row[0] for row in self.run(cypher.LOAD_UNDER_WAY).rows)

    def sync_actors(self, kb: KnowledgeBase) -> None:
        """Make the actors what a clean build with `kb` would make them: every actor a mention
        names, and its knowledge-base parents, each with its knowledge-base details; nothing
        else (an actor whose last mention went, or a parent the knowledge base dropped)."""
        stored = {row["id"]: row for row in self.run(cypher.ACTOR_ROWS).records()}
        unreferenced = {row[0] for row in self.run(cypher.UNREFERENCED_ACTORS).rows}
        builder = RowBuilder(kb)
        wanted = builder.actor_closure([stored[i] for i in stored.keys() - unreferenced])
        gone = sorted(stored.keys() - wanted.keys())
        if gone:
            self.run(cypher.DELETE_ACTORS, {"ids": gone})
        changed = Batch()
        for actor_id, row in wanted.items():
            if actor_id not in stored or not _same_actor(stored[actor_id], row):
                changed.actors[actor_id] = row
        if changed.actors:
            self.write_batch(changed, set(), [])

    def sync_edges(
        self,
        kb: KnowledgeBase,
        weights: Mapping[str, int],
        report: LoadReport | None = None,
        changes: EdgeChanges | None = None,
    ) -> None:
        """Make the typed edges match the mentions (and the knowledge base's memberships):
        the edges `changes` touched, counted again, when given (or as a first load counted
        them: `changes.tally`); else every edge, from every mention in the store."""
        actor_ids = {row[0] for row in self.run(cypher.ACTOR_IDS).rows}
        kb_links = [
            (actor_id, parent)
            for actor_id in actor_ids
            if actor_id in kb
            for parent in kb.get(actor_id).parents
            if parent in actor_ids
        ]
        present: dict[str, dict[tuple[str, str], dict[str, Any]]] = {
            label: {} for label in EDGE_LABELS.values()
        }
        if changes is None:
            edges = self.run(cypher.EDGES_ALL).records()
        else:  # only the labels a load touched, and PART_OF for the knowledge base's links
            labels = {EDGE_LABELS[relation] for _, relation, _ in changes.touched} | {"PART_OF"}
            edges = [
                row
                for label in sorted(labels)
                for row in self.run(cypher.EDGES_OF_LABEL[label]).records()
            ]
        for row in edges:
            present[EDGE_LABELS[row.pop("relation")]][(row["source"], row["target"])] = row
        if changes is None:
            wanted = desired_edges(self.run(cypher.MENTION_AGGREGATES).records(), weights, kb_links)
        elif changes.tally is not None:
            tallied = changes.tallied_edges(weights)
            wanted = updated_edges(present, changes.touched, tallied, weights, kb_links)
        else:
            sources = sorted({source for source, _, _ in changes.touched})
            recounted = [
                row
                for chunk in range(0, len(sources), _IDS_PER_STATEMENT)
                for row in self.run(
                    cypher.MENTION_AGGREGATES_FROM,
                    {"ids": sources[chunk : chunk + _IDS_PER_STATEMENT]},
                ).records()
                if (row["source"], row["relation"], row["target"]) in changes.touched
            ]
            recounts = counted_by_key(recounted, weights)
            wanted = updated_edges(present, changes.touched, recounts, weights, kb_links)
        edge_changes: dict[str, EdgeRows] = {}
        for label in EDGE_LABELS.values():
            before, after = present[label], wanted[label]
            if changes is not None and label not in labels:
                continue  # not read, not touched
            removed = [
                row
                for key, row in before.items()
                if key not in after or not _same_edge(row, after[key])
            ]
            added = [
                row
                for key, row in after.items()
                if key not in before or not _same_edge(before[key], row)
            ]
            if removed or added:
                edge_changes[label] = (removed, added)
            if report is not None:
                report.edges_removed += len(removed)
                report.edges_added += len(added)
        if edge_changes:
            self.write_edges(edge_changes)

    def counts(self) -> dict[str, int]:
        out = {
            name: int(self.run(statement).rows[0][0]) for name, statement in cypher.COUNTS.items()
        }
        for label in EDGE_LABELS.values():
            out[label] = int(self.run(cypher.count_edges(label)).rows[0][0])
        return out

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_IDS_PER_STATEMENT = 5000


@contextlib.contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Python's cyclic collector paused for a load. Rows are acyclic dicts, freed as they go
    by reference counting; the collector would only walk them, every live one each time it
    reaches the oldest generation: measured 0.33 s of a 100k-mention load (a fifth of it) with
    the mentions held in memory, as a notebook holds them."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _same_actor(stored: Mapping[str, Any], wanted: Mapping[str, Any]) -> bool:
    return all(
        (stored.get(k) or None) == (wanted.get(k) or None)
        for k in ("name", "type", "aliases", "country", "wikidata", "rollup")
    ) and bool(stored.get("provisional")) == bool(wanted.get("provisional"))


def _same_edge(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    return all(a.get(k) == b.get(k) for k in (*EDGE_COUNTS, "first_date", "last_date", "kb")) and (
        abs(float(a.get("weight") or 0) - float(b.get("weight") or 0)) < 1e-9
    )
