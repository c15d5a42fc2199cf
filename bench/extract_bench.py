"""Extraction benchmark: graphx throughput beside raw spaCy, --jobs scaling, and memory.

Everything is measured side by side in one run on the same text, so the ratios hold on a
shared, noisy machine where absolute numbers do not.

    python bench/extract_bench.py [--docs 240] [--repeats 3]

Bars (issue 2): extraction / raw nlp.pipe >= 0.80; jobs 2 / jobs 1 >= 1.6; peak memory for
4x the documents within 10% of 1x (streaming, not collecting).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graphx.extraction.documents import analysis_text  # noqa: E402
from graphx.extraction.pipeline import Extractor, extract_stream  # noqa: E402
from graphx.models import Document  # noqa: E402


def corpus_texts() -> list[str]:
    texts = [
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "data" / "corpus").glob("*.txt"))
    ]
    seeds = ROOT.parent / "shared" / "seeds"
    if seeds.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
    return texts


def documents(count: int) -> Iterator[Document]:
    texts = corpus_texts()
    for number in range(count):
        yield Document(id=f"d{number}", text=texts[number % len(texts)], source="bench")


def words(count: int) -> int:
    return sum(len(d.text.split()) for d in documents(count))


def timed(function) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def throughput(args: argparse.Namespace) -> None:
    extractor = Extractor()
    docs = list(documents(args.docs))
    texts = [analysis_text(d.text) for d in docs]
    total = words(args.docs)
    raw_times, extract_times = [], []
    for _ in range(args.repeats):  # interleaved, so both see the same machine load
        raw_times.append(timed(lambda: list(extractor.nlp.pipe(texts, batch_size=32))))
        extract_times.append(timed(lambda: list(extractor.extract_many(docs))))
    raw, full = statistics.median(raw_times), statistics.median(extract_times)
    print(f"words: {total} in {args.docs} documents, median of {args.repeats} runs")
    print(f"raw spaCy nlp.pipe:   {total / raw:8.0f} words/s")
    print(f"graphx extraction:    {total / full:8.0f} words/s")
    print(f"ratio extract/raw:    {raw / full:8.2f}   (bar >= 0.80)")


def jobs_scaling(args: argparse.Namespace) -> None:
    count = args.docs * 2
    total = words(count)
    results = {}
    for jobs in (1, 2, 1, 2):
        elapsed = timed(lambda j=jobs: sum(1 for _ in extract_stream(documents(count), jobs=j)))
        results.setdefault(jobs, []).append(elapsed)
    one, two = min(results[1]), min(results[2])
    print(
        f"--jobs 1:             {total / one:8.0f} words/s ({count} documents, includes start-up)"
    )
    print(f"--jobs 2:             {total / two:8.0f} words/s")
    print(f"ratio jobs2/jobs1:    {one / two:8.2f}   (bar >= 1.6)")


_MEMORY_PROBE = """
import resource, sys
sys.path.insert(0, {root!r})
sys.argv = ["probe"]
from bench.extract_bench import documents
from graphx.extraction.pipeline import extract_stream
count = sum(len(records) for item in extract_stream(documents({count}))
            if isinstance(item, tuple) for records in [item[1]])
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, count)
"""


def memory(args: argparse.Namespace) -> None:
    peaks = {}
    for count in (args.docs, args.docs * 4):
        result = subprocess.run(
            [sys.executable, "-c", _MEMORY_PROBE.format(root=str(ROOT), count=count)],
            capture_output=True,
            text=True,
            check=True,
        )
        peak_kb, relations = result.stdout.split()
        peaks[count] = int(peak_kb) / 1024
        print(f"peak RSS, {count:5d} documents: {peaks[count]:7.1f} MB ({relations} relations)")
    small, large = peaks[args.docs], peaks[args.docs * 4]
    print(f"ratio peak 4x/1x:     {large / small:8.2f}   (bar <= 1.10)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=240)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--only", choices=["throughput", "jobs", "memory"])
    args = parser.parse_args()
    for name, step in (("throughput", throughput), ("jobs", jobs_scaling), ("memory", memory)):
        if args.only in (None, name):
            step(args)


if __name__ == "__main__":
    main()
