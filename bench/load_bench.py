"""Load benchmark: mentions per second into the embedded store and into Neo4j, beside a naive
Neo4j loader (one statement per mention) and the bulk path (graphx bulk-export, then Neo4j's
import tool through scripts/neo4j-local import), all measured in the same run.

    NEO4J_URI=$(scripts/neo4j-local start) python bench/load_bench.py [--mentions 100000]

Bars (issue 12), each a ratio measured in this run: the embedded loader >= 0.5 of its
ceiling, the Neo4j batched loader >= 0.6 of its ceiling and >= 10x the naive loader, the bulk
path (export and import) >= 10x the Neo4j batched loader.

A store's ceiling is the database itself writing the same graph (every node, link and typed
edge the loader wrote, read back from the embedded store) from rows built beforehand, in one
transaction, with the cheapest statements it has (Neo4j: the faster of two shapes). The
loaders start from relation mentions in memory, as `graphx build` and a notebook hold them;
`graphx load` from a file, which also reads and checks each line, is printed beside. Each
figure is the best of --repeats runs, fresh store each time. The bulk import goes into a
database home of its own (a server is then started on it, on --bulk-port, only to check that
every mention arrived; not timed).
The mentions are synthetic but shaped like real output: actors drawn from the knowledge base
with a skew (a few actors dominate the news), 20 mentions a document, dated 2003-2025.
"""

from __future__ import annotations

import argparse
import json
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
from graphx.extraction.pipeline import relation_from_record  # noqa: E402
from graphx.models import RELATION_TYPES  # noqa: E402
from graphx.store import open_store  # noqa: E402
from graphx.store.loading import load_relations  # noqa: E402
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
    """(None, document id, its RelationMention records) per run of one document's records."""
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


def timed_load(store, relations, kb) -> float:
    """Seconds for the loader (`load_relations`, what `graphx load` and `graphx build` call)
    to load relation mentions already in memory."""
    started = time.perf_counter()
    load_relations(store, relations, kb=kb)
    return time.perf_counter() - started


def best_embedded_load(relations, kb, repeats: int) -> tuple[float, float, dict]:
    """The fastest of `repeats` loads into a fresh embedded store, seconds to load the same
    again into the last one (nothing changes), and the graph it then holds."""
    times = []
    for _ in range(repeats):
        with tempfile.TemporaryDirectory() as folder, open_store(db=f"{folder}/b.lbdb") as store:
            times.append(timed_load(store, relations, kb))
            again = timed_load(store, relations, kb)
            graph = stored_graph(store)
    return min(times), again, graph


def file_load_rate(records, kb) -> float:
    """Mentions/s of `graphx load` from a JSON Lines file into a fresh embedded store: the
    loader plus reading and checking every line."""
    from graphx.store.loading import load_mentions

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "mentions.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for record in records:
                out.write(json.dumps(record) + "\n")
        with open_store(db=f"{folder}/b.lbdb") as store:
            started = time.perf_counter()
            load_mentions(store, str(path))
            return len(records) / (time.perf_counter() - started)


# Only the benchmark uses these: the naive loader it compares the batched one against, and the
# cheapest write the server can do (its ceiling).
NEO4J_INSERT_ONE_MENTION = (
    "MATCH (d:Document {id: $doc}), (s:Actor {id: $source_id}), (t:Actor {id: $target_id}) "
    "CREATE (m:Mention {id: $id, doc: $doc, relation: $relation, source_id: $source_id, "
    "target_id: $target_id, sentence: $sentence, date: $date, confidence: $confidence}) "
    "CREATE (m)-[:IN_DOCUMENT]->(d), (m)-[:SOURCE]->(s), (m)-[:TARGET]->(t)"
)


def naive_rate(store, records, kb) -> float:
    """One auto-committed statement per mention, actors and documents already in place."""
    batch = next(batches_by_document(by_document(records), RowBuilder(kb), len(records) + 1))
    store.ensure_schema()
    store.write_batch(batch, set(), [])  # actors and documents only
    started = time.perf_counter()
    for row in batch.mentions.values():
        store.run(NEO4J_INSERT_ONE_MENTION, row)
    return len(batch.mentions) / (time.perf_counter() - started)


def stored_graph(store) -> dict[str, list[dict[str, Any]]]:
    """Everything a loaded store holds, read back as plain rows (actors, documents, mentions,
    each kind of link, each label's typed edges): the graph both ceilings then write."""
    from graphx.store import cypher
    from graphx.store.rows import EDGE_LABELS

    graph = {
        name: store.run(statement).records()
        for name, statement in cypher.STORE_CONTENTS.items()
        if name != "edges"
    }
    for label in EDGE_LABELS.values():
        graph[f"edges {label}"] = store.run(cypher.EDGES_OF_LABEL[label]).records()
    for row in graph["actors"]:
        row["aliases"] = list(row["aliases"] or [])
    return graph


def embedded_ceiling(graph, mentions: int) -> float:
    """Mentions/s for LadybugDB writing the whole graph of the load (every node, link and
    typed edge) into an empty store: rows built beforehand, one COPY per table from Arrow,
    one transaction and its commit. What the database itself does here."""
    import pyarrow as pa

    from graphx.store import cypher
    from graphx.store import embedded as lb

    def table(rows, schema):
        return pa.table({name: [row[name] for row in rows] for name in schema.names}, schema)

    def links(rows):
        return pa.table(
            {
                "from": pa.array([r["mention"] for r in rows], pa.string()),
                "to": pa.array([r["node"] for r in rows], pa.string()),
            }
        )

    tables = [
        (cypher.EMBEDDED_COPY["Actor"], table(graph["actors"], lb._actor_schema())),
        (cypher.EMBEDDED_COPY["Document"], table(graph["documents"], lb._document_schema())),
        (cypher.EMBEDDED_COPY["Mention"], table(graph["mentions"], lb._mention_schema())),
        *[
            (cypher.EMBEDDED_COPY[link], links(graph[f"links {link}"]))
            for link in ("IN_DOCUMENT", "SOURCE", "TARGET", "CLAIMED_BY")
            if graph[f"links {link}"]
        ],
        *[
            (cypher.embedded_copy_edges(name.split()[1]), table(rows, lb._edge_schema()))
            for name, rows in graph.items()
            if name.startswith("edges ") and rows
        ],
    ]
    with tempfile.TemporaryDirectory() as folder, open_store(db=f"{folder}/c.lbdb") as store:
        store.ensure_schema()
        started = time.perf_counter()
        store.run("BEGIN TRANSACTION")
        for statement, rows in tables:
            store.run(statement, {"rows": rows})
        store.run("COMMIT")
        return mentions / (time.perf_counter() - started)


# The two shapes a Neo4j ceiling is measured in; the faster one is the ceiling.
NEO4J_CEILING_SHAPES = (
    "each mention with its links in one statement",
    "nodes first, then links in passes of their own",
)


def _neo4j_ceiling_statements(graph, shape: str) -> list[tuple[str, list[dict[str, Any]]]]:
    """The cheapest Cypher for each part of the graph into an empty database: CREATE, no
    MERGE; links and edges find their ends through the unique id indexes."""
    from graphx.store import cypher

    def create(label, rows):
        fields = ", ".join(f"{key}: r.{key}" for key in rows[0])
        return f"UNWIND $rows AS r CREATE (:{label} {{{fields}}})"

    def link(kind, end):
        return (
            f"UNWIND $rows AS r MATCH (m:Mention {{id: r.mention}}), (n:{end} {{id: r.node}}) "
            f"CREATE (m)-[:{kind}]->(n)"
        )

    if shape == NEO4J_CEILING_SHAPES[0]:
        mentions = [(cypher.NEO4J_INSERT_MENTIONS, graph["mentions"])]
    else:
        mentions = [
            (create("Mention", graph["mentions"]), graph["mentions"]),
            (link("IN_DOCUMENT", "Document"), graph["links IN_DOCUMENT"]),
            *[
                (link(kind, "Actor"), graph[f"links {kind}"])
                for kind in ("SOURCE", "TARGET", "CLAIMED_BY")
            ],
        ]
    statements = [
        (create("Actor", graph["actors"]), graph["actors"]),
        (create("Document", graph["documents"]), graph["documents"]),
        *mentions,
        *[
            (cypher.create_edges(name.split()[1]), rows)
            for name, rows in graph.items()
            if name.startswith("edges ")
        ],
    ]
    return [(statement, rows) for statement, rows in statements if rows]


def neo4j_ceiling(store, graph, mentions: int, shape: str) -> float:
    """Mentions/s for the server writing the whole graph of the load (every node, link and
    typed edge) into an empty database with graphx's constraints: parameter lists built
    beforehand, one statement per part, one transaction. What the server itself does here."""
    store.reset()
    store.ensure_schema()
    statements = _neo4j_ceiling_statements(graph, shape)
    started = time.perf_counter()
    with store._driver.session() as session:

        def work(tx):
            for statement, rows in statements:
                tx.run(statement, rows=rows).consume()

        session.execute_write(work)
    return mentions / (time.perf_counter() - started)


SCRIPT = ROOT / "scripts" / "neo4j-local"


def bulk_rates(relations, kb, port: str) -> tuple[float, float, int]:
    """Seconds to write the graph of `relations` as the import tool's CSV files (what
    `graphx bulk-export` does once it has read them), seconds for the import tool to load
    them into an empty database, and the mentions a server started on it then holds."""
    from graphx.store.bulk import export_relations

    with tempfile.TemporaryDirectory() as folder:
        home, out = Path(folder) / "home", Path(folder) / "csv"
        env = {**os.environ, "NEO4J_LOCAL_HOME": str(home), "NEO4J_LOCAL_PORT": port}
        started = time.perf_counter()
        export_relations(relations, out, kb=kb)
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
    parser.add_argument("--repeats", type=int, default=3, help="runs of each; the best counts")
    parser.add_argument(
        "--no-neo4j-ceiling",
        action="store_true",
        help="skip Neo4j's ceiling (one transaction of every mention: about 10 GB of heap at 1M)",
    )
    args = parser.parse_args()
    kb = load_knowledge_base()
    records = synthetic(args.mentions, kb)
    print(f"{len(records)} synthetic mentions in {len(records) // 20} documents")

    relations = [relation_from_record("bench", record) for record in records]
    repeats = args.repeats

    elapsed, again, graph = best_embedded_load(relations, kb, repeats)
    embedded = len(records) / elapsed
    embedded_top = max(embedded_ceiling(graph, len(records)) for _ in range(repeats))
    print(
        f"embedded loader:      {embedded:9.0f} mentions/s ({elapsed:.2f} s, best of {repeats}; "
        f"loading the same again: {again:.2f} s)"
    )
    print(f"  ceiling, the same graph, one COPY a table, one transaction: {embedded_top:9.0f}")
    print(
        f"  graphx load from a JSON Lines file (reading and checking each line too): "
        f"{file_load_rate(records, kb):9.0f}"
    )

    bulk = None
    if not args.no_bulk:
        exported, imported, held = bulk_rates(relations, kb, args.bulk_port)
        bulk = len(records) / (exported + imported)
        print(
            f"bulk export + import: {bulk:9.0f} mentions/s ({exported + imported:.1f} s: "
            f"export {exported:.1f} s, import tool {imported:.1f} s; the imported server "
            f"holds {held} mentions)"
        )
    ratios = [("embedded loader / its ceiling", embedded / embedded_top, 0.5)]
    if args.neo4j:
        with open_store(neo4j=args.neo4j) as store:
            store.reset()
            naive = naive_rate(store, records[: args.naive], kb)
            elapsed = float("inf")
            for _ in range(repeats):
                store.reset()
                elapsed = min(elapsed, timed_load(store, relations, kb))
            batched = len(records) / elapsed
            shapes = {
                shape: max(neo4j_ceiling(store, graph, len(records), shape) for _ in range(repeats))
                for shape in (() if args.no_neo4j_ceiling else NEO4J_CEILING_SHAPES)
            }
            store.reset()
        print(f"neo4j naive loader:   {naive:9.0f} mentions/s ({args.naive}, one statement each)")
        print(
            f"neo4j batched loader: {batched:9.0f} mentions/s ({elapsed:.1f} s, best of {repeats})"
        )
        for shape, rate in shapes.items():
            print(f"  ceiling, the same graph in one transaction, {shape}: {rate:9.0f}")
        if shapes:
            ratios.append(("neo4j batched / its ceiling", batched / max(shapes.values()), 0.6))
        ratios.append(("neo4j batched / naive", batched / naive, 10))
        if bulk is not None:
            ratios.append(("bulk / neo4j batched", bulk / batched, 10))
    else:
        print("neo4j: skipped (set NEO4J_URI or --neo4j)")
    for name, ratio, bar in ratios:
        verdict = "met" if ratio >= bar else "NOT met"
        print(f"ratio {name + ':':32} {ratio:6.2f}   (bar >= {bar}: {verdict})")


if __name__ == "__main__":
    main()
