"""`graphx extract --dask` on real LocalClusters (two single-threaded worker processes): the
shards in order are the single-process output line for line, the model loads once per worker
process, a worker killed midway costs nothing (Dask runs its task again; no shard is half
written or written twice), and `graphx load OUT_DIR/` builds the same graph as the file."""

from __future__ import annotations

import json
import logging
import os
import signal
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.conftest import CORPUS, SHARED, run_graphx

try:
    import distributed
except ImportError:  # CI installs the dask extra (in dev): there these tests must run
    if os.environ.get("CI"):
        raise
    pytest.skip('needs the dask extra: pip install -e ".[dask]"', allow_module_level=True)

from graphx.extraction import cluster
from graphx.extraction.cluster import MANIFEST, extract_to_shards
from graphx.extraction.pipeline import relation_from_record

SEEDS = SHARED / "seeds"


def _inputs() -> list[str]:
    if not SEEDS.is_dir():
        pytest.skip(f"no seeds at {SEEDS}")
    return [str(CORPUS), str(SEEDS)]


@pytest.fixture(scope="module")
def single_lines(tmp_path_factory) -> list[str]:
    """The sample corpus and the seeds extracted by one process, as a user runs it."""
    path = tmp_path_factory.mktemp("single") / "mentions.jsonl"
    run_graphx("extract", *_inputs(), "-q", "-o", str(path), check=True)
    return path.read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="module")
def local_cluster():
    """A real LocalCluster, as a scheduler someone else started: graphx gets its address."""
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        silence_logs=logging.CRITICAL,
    ) as running:
        yield running


def _shard_lines(folder: Path) -> list[str]:
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    lines: list[str] = []
    for shard in manifest["shards"]:
        lines += (folder / shard["name"]).read_text(encoding="utf-8").splitlines()
    return lines


def _mention_ids(lines: list[str]) -> list[str]:
    from graphx.extraction.kb import load_knowledge_base
    from graphx.store.rows import Batch, RowBuilder

    builder, ids = RowBuilder(load_knowledge_base()), []
    for number, line in enumerate(lines):
        batch = Batch()
        builder.add(batch, relation_from_record(str(number), json.loads(line)))
        ids += list(batch.mentions)
    return ids


def test_local_n_writes_the_single_process_lines_as_shards(tmp_path: Path, single_lines):
    out = tmp_path / "shards"
    result = run_graphx(
        "extract", *_inputs(), "--dask", "local:2", "--shard-docs", "2", "-o", f"{out}/"
    )
    assert result.returncode == 0, result.stderr
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    documents = len(list(CORPUS.glob("*.txt"))) + len(list(SEEDS.glob("*.txt")))
    assert manifest["documents"] == documents and manifest["failed"] == []
    assert manifest["relations"] == len(single_lines)
    names = [shard["name"] for shard in manifest["shards"]]
    assert names == [f"part-{n:05d}.jsonl" for n in range(-(-documents // 2))]
    assert sorted(p.name for p in out.iterdir()) == sorted([*names, MANIFEST])
    # the same lines, and in the same order: shard N holds the Nth batch of the inputs
    assert _shard_lines(out) == single_lines
    assert f"{len(single_lines)} relations from {documents} documents" in result.stderr


def test_a_scheduler_address_loads_the_model_once_per_worker(
    tmp_path: Path, local_cluster, single_lines
):
    with distributed.Client(local_cluster, set_as_default=False) as client:
        before = client.run(cluster.loaded_extractors)
        report = extract_to_shards(
            _inputs(), str(tmp_path / "out"), cluster=local_cluster.scheduler_address, shard_docs=1
        )
        after = client.run(cluster.loaded_extractors)
    assert report.documents > 2 * len(after)  # several tasks a worker ...
    assert {address: after[address] - before[address] for address in after} == {
        address: 1
        for address in after  # ... and one model each
    }
    assert _shard_lines(tmp_path / "out") == single_lines


def test_a_worker_killed_midway_leaves_the_output_complete(
    tmp_path: Path, local_cluster, single_lines
):
    out = tmp_path / "out"
    address = local_cluster.scheduler_address
    with (
        distributed.Client(local_cluster, set_as_default=False) as client,
        ThreadPoolExecutor(1) as pool,
    ):
        run = pool.submit(extract_to_shards, _inputs(), str(out), cluster=address, shard_docs=1)
        killed = None
        deadline = time.monotonic() + 60
        while killed is None and time.monotonic() < deadline and not run.done():
            if any(out.glob(".graphx-run-*/part-*.jsonl")):
                busy = [worker for worker, keys in client.processing().items() if keys]
                if busy:
                    pid = client.run(os.getpid, workers=busy[:1])[busy[0]]
                    os.kill(pid, signal.SIGKILL)
                    killed = pid
                    shards_then = len(list(out.glob(".graphx-run-*/part-*.jsonl")))
            time.sleep(0.02)
        report = run.result(timeout=120)
    assert killed is not None, "the run ended before a worker could be killed"
    assert shards_then < len(report.shards)  # killed midway: shards were still to come
    assert report.failures == 0
    lines = _shard_lines(out)
    assert Counter(lines) == Counter(single_lines) and lines == single_lines
    ids = _mention_ids(lines)
    assert len(set(ids)) == len(ids) == len(single_lines)
    # the killed attempt's temporary file (it may have died writing) went with the staging folder
    assert sorted(p.name for p in out.iterdir()) == sorted([*report.shards, MANIFEST])


def test_failed_inputs_are_named_and_listed_in_the_manifest(tmp_path: Path, local_cluster):
    binary = tmp_path / "in" / "photo.txt"
    binary.parent.mkdir()
    binary.write_bytes(b"\x89PNG\x00\x00")
    (tmp_path / "in" / "empty.md").write_text("  \n", encoding="utf-8")
    article = CORPUS / "05_soleimani_strike_2020.txt"
    out = tmp_path / "out"
    result = run_graphx(
        "extract",
        str(article),
        str(tmp_path / "in"),
        "--dask",
        local_cluster.scheduler_address,
        "-o",
        str(out),
    )
    assert result.returncode == 3
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["documents"] == 1 and manifest["relations"] > 0
    assert manifest["failed"] == [
        {
            "input": str(binary.parent / "empty.md"),
            "message": f"{binary.parent / 'empty.md'}: empty document, nothing to extract",
        },
        {"input": str(binary), "message": f"{binary}: binary file, not text"},
    ]
    for failure in manifest["failed"]:
        assert f"Error: {failure['message']}\n" in result.stderr


def test_file_urls_are_read_through_fsspec(tmp_path: Path, local_cluster):
    pytest.importorskip("fsspec")
    out = tmp_path / "out"
    url = f"file://{CORPUS}"
    report = extract_to_shards([url], str(out), cluster=local_cluster.scheduler_address)
    single = run_graphx("extract", str(CORPUS), "-q", check=True).stdout.splitlines()
    assert report.failures == 0 and _shard_lines(out) == single


def test_load_of_the_shard_folder_equals_load_of_the_file(tmp_path: Path, local_cluster):
    from graphx.store import open_store
    from graphx.store.loading import load_mentions

    single = tmp_path / "single.jsonl"
    run_graphx("extract", str(CORPUS), "-q", "-o", str(single), check=True)
    out = tmp_path / "out"
    extract_to_shards(
        [str(CORPUS)], str(out), cluster=local_cluster.scheduler_address, shard_docs=5
    )
    result = run_graphx("load", f"{out}/", "--db", str(tmp_path / "shards.lbdb"), "-q")
    assert result.returncode == 0, result.stderr
    with open_store(db=str(tmp_path / "file.lbdb")) as store:
        from_file = load_mentions(store, str(single)).report.counts
    with open_store(db=str(tmp_path / "shards.lbdb")) as store:
        again = load_mentions(store, str(out)).report
    assert again.counts == from_file and again.counts["mentions"] > 0
    assert again.mentions_added == 0  # the shards were all loaded the first time


def test_a_document_over_its_time_limit_on_a_worker_is_a_failure(tmp_path: Path, local_cluster):
    # a worker runs its tasks off the main thread, where the time limit has no signal: its
    # watchdog cuts the document all the same, and the manifest names it
    article = CORPUS / "05_soleimani_strike_2020.txt"
    out = tmp_path / "out"
    report = extract_to_shards(
        [str(article)], str(out), cluster=local_cluster.scheduler_address, timeout=0.001
    )
    assert (report.documents, report.failures) == (0, 1)
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["failed"] == [
        {
            "input": str(article),
            "message": f"{article}: extraction took more than 0.001 CPU seconds; skipped "
            "(raise it with --doc-timeout)",
        }
    ]
    assert (out / "part-00000.jsonl").read_text(encoding="utf-8") == ""


def test_a_run_that_fails_midway_leaves_the_earlier_output_as_it_was(tmp_path: Path, local_cluster):
    from graphx.errors import ExtractOutputGiven

    out = tmp_path / "out"
    address = local_cluster.scheduler_address
    extract_to_shards([str(CORPUS / "05_soleimani_strike_2020.txt")], str(out), cluster=address)
    before = {path.name: path.read_bytes() for path in out.iterdir()}
    # a URL is read when its turn comes: these mentions stop the run after its first tasks
    mentions = tmp_path / "mentions.jsonl"
    mentions.write_bytes(before["part-00000.jsonl"])
    with pytest.raises(ExtractOutputGiven):
        extract_to_shards(
            [str(CORPUS), f"file://{mentions}"], str(out), cluster=address, shard_docs=2
        )
    assert {path.name: path.read_bytes() for path in out.iterdir()} == before


def test_the_workers_extract_with_the_runs_knowledge_base_files(tmp_path: Path, local_cluster):
    user = tmp_path / "elsewhere" / "user.yaml"
    user.parent.mkdir()
    user.write_text(
        "actors:\n  - {id: foo_brigade, name: Foo Brigade, type: armed_group, aliases: [KH]}\n",
        encoding="utf-8",
    )
    news = tmp_path / "news.txt"
    news.write_text("KH fired rockets at Iraqi forces.\n", encoding="utf-8")
    out = tmp_path / "out"
    extract_to_shards(
        [str(news)],
        str(out),
        cluster=local_cluster.scheduler_address,
        kb_override_files=[str(user)],
    )
    sources = {json.loads(line)["source"]["id"] for line in _shard_lines(out)}
    assert sources == {"foo_brigade"}
