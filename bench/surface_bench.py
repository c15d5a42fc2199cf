"""Analyst-surface benchmark, all measured in one run:

- a generated graph of 2,000 actors and 6,000 edges: export time per format (bar < 3 s) and the
  view's first draw in headless Chromium (bar < 3 s), beside the time to build the page;
- `graphx actor US` on a store of 100,000 mentions (bar < 1 s wall), beside `graphx --help`
  (bar < 0.3 s) and a bare `python -c pass`, all as fresh processes.

    python bench/surface_bench.py [--actors 2000] [--edges 6000] [--mentions 100000]
        [--neo4j URI]   (also time `graphx actor US` against Neo4j)
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load_bench import by_document, synthetic  # noqa: E402
from graphx.extraction.kb import load_knowledge_base  # noqa: E402
from graphx.extraction.lexicon import load_lexicon  # noqa: E402
from graphx.models import RELATION_TYPES  # noqa: E402
from graphx.serve.export import FORMATS, export_graph  # noqa: E402
from graphx.serve.network import read_network  # noqa: E402
from graphx.serve.view import build_view, write_view  # noqa: E402
from graphx.store import open_store  # noqa: E402
from graphx.store.rows import RowBuilder, batches_by_document  # noqa: E402

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TYPES = ("armed_group", "state", "person", "government_body", "political_bloc", "coalition")


def generated_graph(actors: int, edges: int, seed: int = 11) -> list[dict[str, Any]]:
    """One mention per edge: `edges` distinct (source, relation, target) among `actors`
    provisional actors, every actor on at least one edge."""
    rng = random.Random(seed)
    names = [f"Actor {number:04d}" for number in range(actors)]
    keys: set[tuple[int, str, int]] = set()
    for number in range(actors):  # a ring, so nobody is left out
        keys.add((number, rng.choice(RELATION_TYPES), (number + 1) % actors))
    while len(keys) < edges:
        source, target = rng.randrange(actors), rng.randrange(actors)
        if source != target:
            keys.add((source, rng.choice(RELATION_TYPES), target))
    records = []
    for number, (source, relation, target) in enumerate(sorted(keys)):
        sentence = f"{names[source]} and {names[target]}: a generated sentence number {number}."
        records.append(
            {
                "doc": f"gen{number // 20:05d}",
                "relation": relation,
                "source": _ref(names[source], TYPES[source % len(TYPES)]),
                "target": _ref(names[target], TYPES[target % len(TYPES)]),
                "sentence": sentence,
                "sentence_span": [0, len(sentence)],
                "date": f"{rng.randrange(2003, 2026)}-{rng.randrange(1, 13):02d}-01",
                "claimed_by": None,
                "confidence": 0.8,
                "rule": "generated",
            }
        )
    return records


def _ref(name: str, kind: str) -> dict[str, Any]:
    slug = name.lower().replace(" ", "_")
    return {
        "id": f"provisional:{slug}",
        "name": name,
        "type": kind,
        "provisional": True,
        "span": [0, len(name)],
        "text": name,
    }


def load(store, records, kb) -> None:
    weights = {name: info.weight for name, info in load_lexicon().relations.items()}
    store.load(
        batches_by_document(by_document(records), RowBuilder(kb), store.batch_size), kb, weights
    )


def first_draw(page_file: Path) -> float:
    from playwright.sync_api import sync_playwright

    chromium = os.environ.get("GRAPHX_CHROMIUM", "/usr/bin/chromium")
    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as profile:
        context = playwright.chromium.launch_persistent_context(
            profile,
            executable_path=chromium,
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1400, "height": 900},
        )
        context.route(
            "**/*",
            lambda route: (
                route.continue_() if route.request.url.startswith("file:") else route.abort()
            ),
        )
        page = context.new_page()
        started = time.perf_counter()
        page.goto(page_file.resolve().as_uri())
        page.wait_for_function("document.body.dataset.drawn === 'true'", timeout=600_000)
        elapsed = time.perf_counter() - started
        context.close()
    return elapsed


def wall(command: list[str], repeat: int = 5) -> float:
    """Median wall time of a fresh process."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=2000)
    parser.add_argument("--edges", type=int, default=6000)
    parser.add_argument("--mentions", type=int, default=100_000)
    parser.add_argument("--neo4j", default=os.environ.get("NEO4J_URI"))
    args = parser.parse_args()
    kb = load_knowledge_base()
    graphx = [sys.executable, "-m", "graphx"]

    with tempfile.TemporaryDirectory() as folder:
        db = f"{folder}/graph.lbdb"
        with open_store(db=db) as store:
            load(store, generated_graph(args.actors, args.edges), kb)
            started = time.perf_counter()
            graph = read_network(store)
            read = time.perf_counter() - started
            print(
                f"generated graph: {graph.number_of_nodes()} actors, "
                f"{graph.number_of_edges()} edges (read from the store in {read:.2f} s)"
            )
            for output_format in FORMATS:
                started = time.perf_counter()
                export_graph(
                    read_network(store), output_format, Path(folder) / f"g.{output_format}"
                )
                print(
                    f"export {output_format:8s} {time.perf_counter() - started:6.2f} s "
                    "(store to file)   (bar < 3 s)"
                )
            started = time.perf_counter()
            view = build_view(store)
            page_file = write_view(view, Path(folder) / "view.html")
            built = time.perf_counter() - started
        draw = first_draw(page_file)
        print(
            f"view: page built in {built:.2f} s ({len(view.html) / 1e6:.1f} MB, physics "
            f"{'on' if view.physics else 'off: positions from igraph'})"
        )
        print(f"view: first draw in headless Chromium {draw:6.2f} s   (bar < 3 s)")

        records = synthetic(args.mentions, kb)
        for number, record in enumerate(records):  # the United States in one mention in ten
            if number % 10 == 0 and record["target"]["id"] != "us":
                record["source"] = {
                    **record["source"],
                    "id": "us",
                    "name": "United States",
                    "type": "state",
                }
        big = f"{folder}/big.lbdb"
        with open_store(db=big) as store:
            load(store, records, kb)
            mentions = store.counts()["mentions"]
        baseline = wall([sys.executable, "-c", "pass"])
        help_time = wall([*graphx, "--help"])
        actor_time = wall([*graphx, "actor", "US", "--db", big])
        print(f"python -c pass:                 {baseline:6.2f} s")
        print(f"graphx --help:                  {help_time:6.2f} s   (bar < 0.3 s)")
        print(
            f"graphx actor US, embedded:      {actor_time:6.2f} s   ({mentions} mentions; "
            "bar < 1 s)"
        )
        if args.neo4j:
            with open_store(neo4j=args.neo4j) as store:
                store.reset()
                load(store, records, kb)
            neo4j_time = wall([*graphx, "actor", "US", "--neo4j", args.neo4j])
            with open_store(neo4j=args.neo4j) as store:
                store.reset()
            print(f"graphx actor US, neo4j:         {neo4j_time:6.2f} s   (bar < 1 s)")
        print(f"ratio actor/--help:             {actor_time / help_time:6.1f}")


if __name__ == "__main__":
    main()
