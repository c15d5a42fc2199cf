"""Input benchmark: peak memory of one big document beside a small one, and a punctuation run.

Each extraction runs `graphx extract` in a fresh process; its peak RSS comes from the kernel
(`os.wait4`), so the numbers are the real command's, measured side by side in one run.

    python bench/input_bench.py [--sizes 1,5,10] [--timeout 0]

Bars (issue 7): peak RSS of a 1, 5 and 10 MB document each <= 1.5x the 10 KB document's;
a 103 KB file of '<' done in <= 10 s (or reported by the time limit).
The inputs are generated here from the bundled corpus's own sentences, shuffled into many
different paragraphs. 10 MB of text takes about ten minutes at ~3k words/s on one core:
pass smaller --sizes for a quick look.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")


def corpus_sentences() -> list[str]:
    """The body sentences of the bundled corpus (headlines and datelines left out)."""
    sentences = []
    for path in sorted((ROOT / "data" / "corpus").glob("*.txt")):
        for paragraph in path.read_text(encoding="utf-8").split("\n\n"):
            paragraph = " ".join(paragraph.split())
            if paragraph.count(" ") >= 6 and paragraph[-1:] in ".!?\"'":
                sentences.extend(_SENTENCE_END.split(paragraph))
    return sentences


def news_document(size: int, seed: int = 7) -> str:
    """About `size` characters of news: a headline, a dateline, then paragraphs of 2-5
    sentences drawn at random, so no paragraph repeats the one before."""
    chooser = random.Random(seed)
    sentences = corpus_sentences()
    parts = ["Militia attacks and US strikes in Iraq and Syria\n\nJanuary 5, 2024\n\n"]
    length = len(parts[0])
    while length < size:
        paragraph = " ".join(chooser.sample(sentences, chooser.randint(2, 5))) + "\n\n"
        parts.append(paragraph)
        length += len(paragraph)
    return "".join(parts)


def run_extract(path: Path, *options: str) -> tuple[float, float, int, str]:
    """(peak RSS in MB, seconds, exit code, last line of stderr) of `graphx extract PATH`."""
    command = [sys.executable, "-m", "graphx", "extract", str(path), "-o", os.devnull, *options]
    start = time.perf_counter()
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        errors.seek(0)
        lines = errors.read().decode("utf-8", "replace").strip().splitlines()
    return usage.ru_maxrss / 1024, elapsed, os.waitstatus_to_exitcode(status), lines[-1:] or [""]


def memory(args: argparse.Namespace, folder: Path) -> None:
    sizes = [("10 KB", 10_000)] + [(f"{mb:g} MB", int(mb * 1_000_000)) for mb in args.sizes]
    options = ("--max-size", str(max(s for _, s in sizes) * 2), "--doc-timeout", args.timeout)
    base = None
    for label, size in sizes:
        path = folder / f"news_{size}.txt"
        path.write_text(news_document(size), encoding="utf-8")
        peak, elapsed, code, last = run_extract(path, *options)
        base = base or peak
        print(
            f"peak RSS, {label:>6} document: {peak:7.1f} MB  ratio {peak / base:5.2f}  "
            f"(bar <= 1.50)  {elapsed:6.1f} s  exit {code}  [{last[0]}]",
            flush=True,
        )


def punctuation(args: argparse.Namespace, folder: Path) -> None:
    path = folder / "angles.txt"
    path.write_text("<" * 103_000, encoding="utf-8")
    _, elapsed, code, last = run_extract(path, "--doc-timeout", "120")
    print(f"103 KB of '<':            {elapsed:6.1f} s  exit {code}  (bar <= 10 s)  [{last[0]}]")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        type=lambda text: [float(s) for s in text.split(",")],
        default=[1.0, 5.0, 10.0],
        help="Big document sizes in MB, comma-separated (default: 1,5,10).",
    )
    parser.add_argument(
        "--timeout", default="0", help="--doc-timeout for the big documents (default: 0, none)."
    )
    parser.add_argument("--only", choices=["memory", "punctuation"])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="graphx-input-bench-") as folder:
        for name, step in (("punctuation", punctuation), ("memory", memory)):
            if args.only in (None, name):
                step(args, Path(folder))


if __name__ == "__main__":
    main()
