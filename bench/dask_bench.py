"""Dask benchmark: words/s of `graphx extract --dask` on 1 and 2 local workers beside the
single-process `--jobs 1`, on the same text in the same run (so the ratios hold on a shared,
noisy machine where the absolute numbers do not).

    python bench/dask_bench.py [--docs 170] [--shard-docs 8] [--repeats 2]

Each mode reads the same JSON Lines corpus (the sample corpus and the seeds, repeated) and
writes its output as graphx does (a file; shards and a manifest); the model is loaded before
the clock starts in every mode (the single process's Extractor, each worker's plugin), so the
numbers are steady-state extraction. Start-up (cluster and model) is printed apart.

Bars (issue 12): 2 workers >= 1.7x one worker; one Dask worker >= 0.85 of --jobs 1.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.extract_bench import documents  # noqa: E402
from graphx.extraction.cluster import (  # noqa: E402
    WorkerSettings,
    extract_to_shards,
    start_local_cluster,
)
from graphx.extraction.documents import read_inputs  # noqa: E402
from graphx.extraction.pipeline import Extractor, write_jsonl  # noqa: E402


def write_corpus(folder: Path, count: int) -> tuple[Path, int]:
    path = folder / "bench.jsonl"
    total = 0
    with path.open("w", encoding="utf-8") as handle:
        for document in documents(count):
            total += len(document.text.split())
            handle.write(json.dumps({"id": document.id, "text": document.text}) + "\n")
    return path, total


def single_process(corpus: Path, out: Path, extractor: Extractor) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one run."""
    start, cpu = time.perf_counter(), time.process_time()
    write_jsonl(read_inputs([str(corpus)]), str(out), extractor=extractor, kb=extractor.kb)
    return time.perf_counter() - start, time.process_time() - cpu


def on_dask(cluster, client, corpus: Path, out: Path, shard_docs: int) -> tuple[float, float]:
    """(wall seconds, CPU seconds of every process: workers, scheduler and client)."""
    from graphx.extraction.dask_plugin import ExtractorPlugin

    plugin = ExtractorPlugin(WorkerSettings())
    client.register_plugin(plugin, name=plugin.name)  # every worker loads the model: not timed
    workers = client.run(time.process_time)
    start, cpu = time.perf_counter(), time.process_time()
    extract_to_shards(
        [str(corpus)], str(out), cluster=cluster.scheduler_address, shard_docs=shard_docs
    )
    wall, here = time.perf_counter() - start, time.process_time() - cpu
    after = client.run(time.process_time)
    return wall, here + sum(after[worker] - workers[worker] for worker in after)


def main() -> None:
    import distributed

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=170)
    parser.add_argument("--shard-docs", type=int, default=8)
    parser.add_argument("--repeats", type=int, default=2)
    args = parser.parse_args()
    logging.getLogger("distributed").setLevel(logging.ERROR)

    load_before = os.getloadavg()[0]
    work = Path(tempfile.mkdtemp(prefix="graphx-dask-bench-"))
    corpus, words = write_corpus(work, args.docs)
    print(
        f"words: {words} in {args.docs} documents; {args.shard_docs} documents per task; "
        f"best of {args.repeats} runs per mode"
    )
    start = time.perf_counter()
    extractor = Extractor()
    print(f"start-up, single process (model):        {time.perf_counter() - start:6.1f} s")

    clusters = {}
    for workers in (1, 2):
        start = time.perf_counter()
        cluster = start_local_cluster(workers)  # as --dask local:N starts it
        client = distributed.Client(cluster, set_as_default=False)
        plugin_start = time.perf_counter()
        from graphx.extraction.dask_plugin import ExtractorPlugin

        plugin = ExtractorPlugin(WorkerSettings())
        client.register_plugin(plugin, name=plugin.name)
        print(
            f"start-up, {workers} Dask worker(s): cluster {plugin_start - start:4.1f} s, "
            f"model {time.perf_counter() - plugin_start:4.1f} s"
        )
        clusters[workers] = (cluster, client)

    times: dict[str, list[float]] = {"jobs 1": [], "dask 1": [], "dask 2": []}
    cpu: dict[str, list[float]] = {mode: [] for mode in times}
    try:
        for _ in range(args.repeats):  # interleaved, so every mode sees the same machine load
            wall, used = single_process(corpus, work / "single.jsonl", extractor)
            times["jobs 1"].append(wall)
            cpu["jobs 1"].append(used)
            for workers in (1, 2):
                cluster, client = clusters[workers]
                out = work / f"dask{workers}"
                wall, used = on_dask(cluster, client, corpus, out, args.shard_docs)
                times[f"dask {workers}"].append(wall)
                cpu[f"dask {workers}"].append(used)
    finally:
        for cluster, client in clusters.values():
            client.close()
            cluster.close()

    best = {mode: min(values) for mode, values in times.items()}
    for mode, label in (
        ("jobs 1", "--jobs 1 (single process)"),
        ("dask 1", "--dask, 1 local worker"),
        ("dask 2", "--dask, 2 local workers"),
    ):
        spread = ", ".join(f"{words / t:.0f}" for t in times[mode])
        per_cpu = words / min(cpu[mode])
        print(
            f"{label:27s} {words / best[mode]:6.0f} words/s (runs: {spread}); "
            f"{per_cpu:6.0f} words per CPU second"
        )
    print(f"ratio 2 workers / 1 worker:  {best['dask 1'] / best['dask 2']:6.2f}   (bar >= 1.7)")
    print(f"ratio 1 worker / --jobs 1:   {best['jobs 1'] / best['dask 1']:6.2f}   (bar >= 0.85)")
    print(
        f"the same per CPU second (1 worker / --jobs 1): "
        f"{min(cpu['jobs 1']) / min(cpu['dask 1']):6.2f}"
    )
    print(
        f"note: {os.cpu_count()} cores, load average {load_before:.1f} at the start and "
        f"{os.getloadavg()[0]:.1f} at the end (other work shares this machine); the client's "
        "reading and Dask's scheduler share those cores with the workers"
    )
    same = (work / "single.jsonl").read_text(encoding="utf-8") == "".join(
        (work / "dask2" / shard).read_text(encoding="utf-8")
        for shard in sorted(p.name for p in (work / "dask2").glob("part-*.jsonl"))
    )
    print(f"dask output equals the single-process output: {same}")


if __name__ == "__main__":
    main()
