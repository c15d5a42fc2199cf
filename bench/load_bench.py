"""Load benchmark: mentions per second into the embedded store and into Neo4j, beside a naive
Neo4j loader (one statement per mention) and the bulk path (graphx bulk-export, then Neo4j's
import tool through scripts/neo4j-local import), all measured in the same run.

    NEO4J_URI=$(scripts/neo4j-local start) python bench/load_bench.py [--mentions 100000]

Bars (issue 3): Neo4j >= 10x naive and >= 20k mentions/s; embedded >= 50k mentions/s.
Bar (issue 12): the bulk path, export and import, >= 10x the Neo4j batched loader. The import
goes into a database home of its own (a server is then started on it, on --bulk-port, only to
check that every mention arrived; not timed).
The mentions are synthetic but shaped like real output: actors drawn from the knowledge base
with a skew (a few actors dominate the news), 20 mentions a document, dated 2003-2025.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graphx.extraction.kb import load_knowledge_base  # noqa: E402
from graphx.extraction.lexicon import load_lexicon  # noqa: E402
from graphx.extraction.pipeline import relation_from_record  # noqa: E402
from graphx.models import RELATION_TYPES  # noqa: E402
from graphx.store import open_store  # noqa: E402
from graphx.store.rows import RowBuilder, batches_by_document  # noqa: E402

WORDS = [
    "militia",
    "forces",
    "attacked",
    "the",
    "base",
    "near",
    "the",
    "border",
    "officials",
    "said",
    "after",
    "talks",
    "government",
    "parliament",
    "vote",
    "withdrawal",
    "coalition",
    "strike",
    "drone",
    "rocket",
]


def synthetic(count: int, kb, seed: int = 7) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    actors = sorted(kb.actors.values(), key=lambda a: a.id)
    weights = [1.0 / (rank + 1) for rank in range(len(actors))]  # Zipf-like: few dominate
    rng.shuffle(actors)
    records = []
    for number in range(count):
        source, target = rng.choices(actors, weights=weights, k=2)
        if source.id == target.id:
            target = actors[(actors.index(target) + 1) % len(actors)]
        sentence = " ".join(rng.choice(WORDS) for _ in range(22)).capitalize() + "."
        offset = rng.randrange(0, 5000)
        year = rng.randrange(2003, 2026)
        records.append(
            {
                "doc": f"doc{number // 20:06d}",
                "relation": rng.choice(RELATION_TYPES),
                "source": {
                    "id": source.id,
                    "name": source.name,
                    "type": source.type,
                    "parents": [],
                    "provisional": False,
                    "span": [offset, offset + 5],
                    "text": source.name,
                },
                "target": {
                    "id": target.id,
                    "name": target.name,
                    "type": target.type,
                    "parents": [],
                    "provisional": False,
                    "span": [offset + 10, offset + 15],
                    "text": target.name,
                },
                "sentence": sentence,
                "sentence_span": [offset, offset + len(sentence)],
                "date": f"{year}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}",
                "claimed_by": None,
                "confidence": 0.8,
                "rule": "verb",
            }
        )
    return records


def by_document(records):
    """(None, document id, its RelationMention records) per run of one document's records;
    the synthetic JSON-shaped records are read the way `graphx load` reads a line."""
    current, group = None, []
    for record in records:
        if isinstance(record, dict):
            record = relation_from_record("bench", record)
        if record.doc != current and group:
            yield None, current, group
            group = []
        current = record.doc
        group.append(record)
    if group:
        yield None, current, group


def timed_load(store, records, kb, weights) -> float:
    batches = batches_by_document(by_document(records), RowBuilder(kb), store.batch_size)
    started = time.perf_counter()
    store.load(batches, kb, weights)
    return time.perf_counter() - started


# Only the benchmark uses these: the naive loader it compares the batched one against, and the
# cheapest write the server can do (its ceiling).
NEO4J_INSERT_ONE_MENTION = (
    "MATCH (d:Document {id: $doc}), (s:Actor {id: $source_id}), (t:Actor {id: $target_id}) "
    "CREATE (m:Mention {id: $id, doc: $doc, relation: $relation, source_id: $source_id, "
    "target_id: $target_id, sentence: $sentence, date: $date, confidence: $confidence}) "
    "CREATE (m)-[:IN_DOCUMENT]->(d), (m)-[:SOURCE]->(s), (m)-[:TARGET]->(t)"
)
NEO4J_BARE_MENTIONS = "UNWIND $rows AS r CREATE (:Mention {id: r.id})"


def naive_rate(store, records, kb) -> float:
    """One auto-committed statement per mention, actors and documents already in place."""
    batch = next(batches_by_document(by_document(records), RowBuilder(kb), len(records) + 1))
    store.ensure_schema()
    store.write_batch(batch, set(), [])  # actors and documents only
    started = time.perf_counter()
    for row in batch.mentions.values():
        store.run(NEO4J_INSERT_ONE_MENTION, row)
    return len(batch.mentions) / (time.perf_counter() - started)


def embedded_ceiling(records, kb) -> float:
    """Mentions/s for one COPY of the finished Mention table alone (rows built beforehand, no
    links, no edges, one commit): what LadybugDB itself does here."""
    import pyarrow as pa

    from graphx.store import cypher
    from graphx.store.embedded import _mention_schema

    batch = next(batches_by_document(by_document(records), RowBuilder(kb), len(records) + 1))
    rows = list(batch.mentions.values())
    table = pa.table(
        {name: [row[name] for row in rows] for name in cypher.MENTION_COLUMNS},
        schema=_mention_schema(),
    )
    with tempfile.TemporaryDirectory() as folder, open_store(db=f"{folder}/c.lbdb") as store:
        store.ensure_schema()
        started = time.perf_counter()
        store.run("BEGIN TRANSACTION")
        store.run(cypher.EMBEDDED_COPY["Mention"], {"rows": table})
        store.run("COMMIT")
        return len(rows) / (time.perf_counter() - started)


def neo4j_ceiling(store, records) -> float:
    """Mentions/s for the cheapest possible write, an id-only node per mention in 10k-row
    transactions: what the server itself does on this machine."""
    ids = [{"id": f"ceiling{number}"} for number in range(len(records))]
    started = time.perf_counter()
    with store._driver.session() as session:
        for start in range(0, len(ids), 10_000):
            chunk = ids[start : start + 10_000]
            session.execute_write(
                lambda tx, rows=chunk: tx.run(NEO4J_BARE_MENTIONS, rows=rows).consume()
            )
    return len(ids) / (time.perf_counter() - started)


SCRIPT = ROOT / "scripts" / "neo4j-local"


def bulk_rates(records, kb, port: str) -> tuple[float, float, int]:
    """Seconds to write the graph of `records` as the import tool's CSV files (from the JSON
    records, as `graphx bulk-export` reads them), seconds for the import tool to load them
    into an empty database, and the mentions a server started on it then holds."""
    from graphx.store.bulk import export_relations

    with tempfile.TemporaryDirectory() as folder:
        home, out = Path(folder) / "home", Path(folder) / "csv"
        env = {**os.environ, "NEO4J_LOCAL_HOME": str(home), "NEO4J_LOCAL_PORT": port}
        started = time.perf_counter()
        export_relations((relation_from_record("bench", r) for r in records), out, kb=kb)
        exported = time.perf_counter() - started
        started = time.perf_counter()
        done = subprocess.run(
            [str(SCRIPT), "import", str(out)], capture_output=True, text=True, env=env
        )
        imported = time.perf_counter() - started
        if done.returncode != 0 or "IMPORT DONE" not in done.stdout:
            sys.exit(f"the import failed:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
        subprocess.run([str(SCRIPT), "start"], capture_output=True, env=env, check=True)
        try:
            with open_store(neo4j=f"bolt://127.0.0.1:{port}") as store:
                held = int(store.run("MATCH (m:Mention) RETURN count(m)").rows[0][0])
        finally:
            subprocess.run([str(SCRIPT), "stop"], capture_output=True, env=env)
        return exported, imported, held


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentions", type=int, default=100_000)
    parser.add_argument("--naive", type=int, default=2_000, help="mentions for the naive loader")
    parser.add_argument("--neo4j", default=os.environ.get("NEO4J_URI"))
    parser.add_argument("--bulk-port", default="7694", help="port of the bulk check's server")
    parser.add_argument("--no-bulk", action="store_true", help="skip the bulk path")
    args = parser.parse_args()
    kb = load_knowledge_base()
    weights = {name: info.weight for name, info in load_lexicon().relations.items()}
    records = synthetic(args.mentions, kb)
    print(f"{len(records)} synthetic mentions in {len(records) // 20} documents")

    with tempfile.TemporaryDirectory() as folder, open_store(db=f"{folder}/bench.lbdb") as store:
        elapsed = timed_load(store, records, kb, weights)
        again = timed_load(store, records, kb, weights)
    embedded = len(records) / elapsed
    print(
        f"embedded store:       {embedded:9.0f} mentions/s ({elapsed:.1f} s; "
        f"reloading the same: {again:.1f} s)   (bar >= 50000)"
    )
    print(
        f"  ceiling, one COPY of the Mention table alone: "
        f"{embedded_ceiling(records, kb):9.0f} mentions/s"
    )

    bulk = None
    if not args.no_bulk:
        exported, imported, held = bulk_rates(records, kb, args.bulk_port)
        bulk = len(records) / (exported + imported)
        print(
            f"bulk export + import: {bulk:9.0f} mentions/s ({exported + imported:.1f} s: "
            f"export {exported:.1f} s, import tool {imported:.1f} s; the imported server "
            f"holds {held} mentions)"
        )
    if not args.neo4j:
        print("neo4j: skipped (set NEO4J_URI or --neo4j)")
        return
    with open_store(neo4j=args.neo4j) as store:
        store.reset()
        naive = naive_rate(store, records[: args.naive], kb)
        store.reset()
        elapsed = timed_load(store, records, kb, weights)
        batched = len(records) / elapsed
        store.reset()
        ceiling = neo4j_ceiling(store, records)
        store.reset()
    print(
        f"neo4j naive loader:   {naive:9.0f} mentions/s ({args.naive} mentions, one statement each)"
    )
    print(f"neo4j batched loader: {batched:9.0f} mentions/s ({elapsed:.1f} s)   (bar >= 20000)")
    print(f"  ceiling, id-only nodes, no lookups or links: {ceiling:9.0f} mentions/s")
    print(f"ratio batched/naive:  {batched / naive:9.1f}   (bar >= 10)")
    if bulk is not None:
        print(f"ratio bulk/batched:   {bulk / batched:9.1f}   (bar >= 10)")


if __name__ == "__main__":
    main()
