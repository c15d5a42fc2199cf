"""Extraction on a Dask cluster: `graphx extract INPUT... --dask ADDRESS -o OUT_DIR/`.

The client (this process) reads the inputs as a single-process run does (`read_inputs`: the
same ids, the same refusals, the same one-line errors), cuts the documents into batches in
input order and submits one task per batch. A task extracts its batch with the worker
process's own Extractor (the model and knowledge base load once per worker process, when the
worker joins: `ExtractorPlugin`), writes its shard `part-NNNNN.jsonl` with the very writer of
`graphx extract -o FILE`, under a temporary name renamed when complete, and returns a few
counts. Shard N holds batch N, so the shards read in order are the single-process output,
line for line; a task run again (its worker died) rewrites the same shard whole, never a
second one. The shards go to a staging folder inside OUT_DIR until every task is done; then
they replace the earlier run's shards, and the client writes `manifest.json` last:
documents, relations, failed inputs with their messages, the shards in order. A run that
fails leaves the earlier output as it was, and a folder without a manifest is an extraction
that did not end.

Dask is an optional extra (`pip install "graphx[dask]"`), imported only here and only when
`--dask` is given.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import uuid
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graphx.errors import (
    ClusterError,
    DependencyMissing,
    GraphxError,
    InputError,
    OptionError,
    OutputError,
)
from graphx.extraction.documents import DEFAULT_MAX_BYTES, read_inputs
from graphx.extraction.kb import (
    KnowledgeBaseSources,
    knowledge_base_from,
    read_knowledge_base_files,
)
from graphx.extraction.pipeline import ExtractReport
from graphx.models import Document

MANIFEST = "manifest.json"
MANIFEST_FORMAT = "graphx-shards"
SHARD_PATTERN = re.compile(r"^part-\d{5,}\.jsonl$")
_STAGING = ".graphx-run-"  # the shards of a run until it ends, in OUT_DIR
DEFAULT_SHARD_DOCS = 64
"""Documents per task (and shard): a few seconds of work for one core on news articles."""

INSTALL_HINT = 'pip install "graphx[dask]"'
_LOCAL = re.compile(r"^local(?::(.*))?$")


@dataclass(frozen=True)
class WorkerSettings:
    """What a worker needs to build the run's Extractor: plain data, so it travels to other
    machines (the knowledge-base files go as their text, not their paths)."""

    kb_sources: KnowledgeBaseSources = ()
    keep_negated: bool = False
    timeout: float = 0.0

    @property
    def key(self) -> str:
        """Same settings, same key: the worker's cached Extractor serves every task of a run
        (the timeout is per task, not part of the Extractor)."""
        digest = hashlib.sha256(repr((self.kb_sources, self.keep_negated)).encode("utf-8"))
        return digest.hexdigest()[:16]


# ----------------------------------------------------------------------------- worker side
# One Extractor per worker process, keyed by its settings; a run with other settings replaces
# it (a model is a few hundred MB: one is kept). `loads` counts the builds, for the tests.
_cache: dict[str, Any] = {}
loads = 0


def worker_extractor(settings: WorkerSettings) -> Any:
    """This process's Extractor for `settings`, built on first use."""
    global loads
    extractor = _cache.get(settings.key)
    if extractor is None:
        from graphx.extraction.pipeline import Extractor

        _cache.clear()
        kb = knowledge_base_from(settings.kb_sources)
        extractor = Extractor(kb=kb, keep_negated=settings.keep_negated)
        _cache[settings.key] = extractor
        loads += 1
    return extractor


def loaded_extractors() -> int:
    """How many times this process built an Extractor (run on workers by the tests)."""
    return loads


def drop_extractor(settings: WorkerSettings) -> None:
    _cache.pop(settings.key, None)


def extract_shard(
    documents: list[Document], index: int, out_dir: str, settings: WorkerSettings
) -> dict[str, Any]:
    """One task: extract `documents` and write them as shard `index` of `out_dir`, whole or
    not at all. Returns the shard's name, its counts and its failed inputs (documents over
    their time limit) as (input, message)."""
    from graphx.extraction.pipeline import _stripped_parts, _write_parts

    extractor = worker_extractor(settings)
    name = shard_name(index)
    report = ExtractReport()
    failures: list[tuple[str, str]] = []
    parts = _stripped_parts(extractor, documents, settings.timeout)
    with _atomic_file(Path(out_dir) / name) as handle:
        _write_parts(
            parts,
            handle,
            extractor.kb,
            report,
            lambda failure: failures.append((failure.where, str(failure))),
        )
    return {
        "index": index,
        "name": name,
        "documents": report.documents,
        "relations": report.relations,
        "failures": failures,
    }


def shard_name(index: int) -> str:
    return f"part-{index:05d}.jsonl"


@contextmanager
def _atomic_file(target: Path) -> Iterator[Any]:
    """A text handle whose contents become `target` when the block ends well: written under a
    name of its own (two attempts at one task never share one) and renamed over `target`,
    so a reader never sees half a shard and an attempt killed midway leaves only its
    temporary file, which the next run clears."""
    temporary = target.with_name(f".{target.name}.{uuid.uuid4().hex[:12]}.partial")
    try:
        with open(temporary, "w", encoding="utf-8") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException as exc:
        with suppress(OSError):
            os.unlink(temporary)
        if isinstance(exc, OSError):
            raise OutputError(f"{target}: cannot write: {exc.strerror or exc}") from exc
        raise


# ----------------------------------------------------------------------------- client side
@dataclass
class ShardReport(ExtractReport):
    """What a Dask extraction wrote: the counts of `ExtractReport`, the shards in order and
    the folder that holds them and the manifest."""

    output: str = ""
    shards: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return f"{super().summary()}; {len(self.shards)} shard(s) and {MANIFEST} in {self.output}"


def require_dask() -> Any:
    """The `distributed` module, or DependencyMissing saying how to install it."""
    try:
        import distributed
    except ImportError as exc:
        raise DependencyMissing(
            f"--dask needs Dask, which is not installed: {INSTALL_HINT}"
        ) from exc
    return distributed


def local_workers(address: str) -> int | None:
    """N for `local:N` (a LocalCluster of N processes; `local` alone: one per core), None for
    a scheduler's address. OptionError for a `local:` that names no count."""
    match = _LOCAL.match(address.strip())
    if match is None:
        if not address.strip():
            raise OptionError("--dask needs a scheduler address (tcp://HOST:8786) or local:N")
        return None
    count = match.group(1)
    if count is None or count == "":
        return os.cpu_count() or 1
    if not count.isdigit() or int(count) < 1:
        raise OptionError(f"--dask {address}: local:N needs a number of workers of 1 or more")
    return int(count)


def extract_to_shards(
    paths: Iterable[str],
    output_dir: str | None,
    *,
    cluster: str,
    max_bytes: int | None = None,
    doc_id: str | None = None,
    warn: Callable[[str], None] | None = None,
    on_failure: Callable[[InputError], None] | None = None,
    on_progress: Callable[[ExtractReport], None] | None = None,
    kb_files: Sequence[str | Path] = (),
    kb_override_files: Sequence[str | Path] = (),
    keep_negated: bool = False,
    timeout: float = 0,
    shard_docs: int = DEFAULT_SHARD_DOCS,
) -> ShardReport:
    """Extract the documents `paths` name on the Dask cluster `cluster` (a scheduler's
    address, or `local:N` for a LocalCluster of N single-threaded worker processes that
    lives as long as the call) into shards and a manifest in the folder `output_dir`.

    Failed inputs go to `on_failure` as they are known (read errors at once, documents over
    `timeout` CPU seconds when their shard is done) and into the manifest, in input order;
    `on_progress` hears the report after each shard and each failure. Raises
    DependencyMissing without Dask, OptionError for a bad `cluster` or `output_dir`,
    ClusterError when the cluster cannot be reached or a task fails for good."""
    distributed = require_dask()
    workers = local_workers(cluster)
    if shard_docs < 1:
        raise OptionError("documents per shard must be 1 or more")
    out = _output_folder(output_dir)
    settings = WorkerSettings(
        read_knowledge_base_files(kb_files, kb_override_files), keep_negated, timeout
    )
    reading: dict[str, Any] = {"doc_id": doc_id, "warn": warn}
    reading["max_bytes"] = max_bytes if max_bytes is not None else DEFAULT_MAX_BYTES
    items = read_inputs(paths, **reading)  # raises here for a misused doc_id, mentions given
    report = ShardReport(output=str(output_dir))
    with _client(distributed, cluster, workers) as client:
        _Run(distributed, client, settings, out, report, on_failure, on_progress).run(
            items, shard_docs
        )
    return report


def _output_folder(output_dir: str | None) -> Path:
    if not output_dir:
        raise OptionError("--dask writes shards to a folder: give it with -o OUT_DIR/")
    out = Path(output_dir)
    if out.exists() and not out.is_dir():
        raise OptionError(f"-o {output_dir}: with --dask, -o names a folder, and this is a file")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{output_dir}: cannot create folder: {exc.strerror or exc}") from exc
    # the workers write here: give them the whole path (they may run elsewhere, on a shared
    # file system)
    return out.resolve()


def _publish(out: Path, staging: Path, names: list[str]) -> None:
    """Replace the earlier run's output in `out` by the shards in `staging`: its manifest goes
    first (the folder no longer counts as finished), then its shards and what other runs left
    (temporary files, staging folders); nothing else in the folder is touched. The shards move
    by renaming, on the same file system."""
    try:
        with suppress(FileNotFoundError):
            (out / MANIFEST).unlink()
        for entry in out.iterdir():
            if SHARD_PATTERN.match(entry.name) or _is_partial(entry.name):
                entry.unlink()
            elif entry.name.startswith(_STAGING) and entry != staging and entry.is_dir():
                shutil.rmtree(entry, ignore_errors=True)
        for name in names:
            os.replace(staging / name, out / name)
    except OSError as exc:
        reason = exc.strerror or exc
        raise OutputError(f"{out}: cannot replace the earlier shards: {reason}") from exc
    shutil.rmtree(staging, ignore_errors=True)  # with the files of attempts killed writing


def _is_partial(name: str) -> bool:
    return name.startswith(".part-") and name.endswith(".partial")


@contextmanager
def _client(distributed: Any, cluster: str, workers: int | None) -> Iterator[Any]:
    """A client of the scheduler at `cluster`, or of a LocalCluster of `workers` processes
    started here and closed when the block ends."""
    if workers is None:
        try:
            client = distributed.Client(cluster, timeout="20s", set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            raise ClusterError(f"cannot reach the Dask scheduler at {cluster}: {exc}") from exc
        with client:
            yield client
        return
    try:
        local = start_local_cluster(workers)
    except Exception as exc:  # the Nanny says only "failed to start": the cause is below it
        cause = exc.__cause__ or exc
        raise ClusterError(
            f"cannot start a local Dask cluster of {workers} worker(s): {cause} (a script "
            "that starts one must run its work under if __name__ == '__main__')"
        ) from exc
    with local, distributed.Client(local, set_as_default=False) as client:
        yield client


def start_local_cluster(workers: int) -> Any:
    """A LocalCluster of `workers` single-threaded worker processes, quiet, for extraction.

    Dask starts its workers with MALLOC_TRIM_THRESHOLD_=65536 (memory handed back to the
    system at once): the parser allocates and frees so much that this costs it 10-15% of its
    CPU time, and extraction's memory is flat anyway, so graphx's own workers go without."""
    import dask
    import distributed

    with (
        warnings.catch_warnings(),
        dask.config.set({"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None}),
    ):
        # its HTTP server moves to a free port when 8787 is taken: nothing to tell the user
        warnings.filterwarnings("ignore", message=r"Port \d+ is already in use")
        return distributed.LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )


class _Run:
    """One extraction on the cluster: submits batches with a bounded number in flight, takes
    the shards as they are done, writes the manifest when all are."""

    def __init__(
        self,
        distributed: Any,
        client: Any,
        settings: WorkerSettings,
        out: Path,
        report: ShardReport,
        on_failure: Callable[[InputError], None] | None,
        on_progress: Callable[[ExtractReport], None] | None,
    ) -> None:
        self.distributed = distributed
        self.client = client
        self.settings = settings
        self.out = out
        self.report = report
        self.on_failure = on_failure
        self.on_progress = on_progress
        self.token = uuid.uuid4().hex[:8]
        self.staging = out / f"{_STAGING}{self.token}"
        self.pending: dict[Any, list[tuple[int, str]]] = {}  # future -> (position, source)
        self.failed: list[tuple[int, str, str]] = []  # (position, input, message)
        self.shards: dict[int, dict[str, Any]] = {}
        self.done = distributed.as_completed(loop=client.loop)

    def run(self, items: Iterable[InputError | Document], shard_docs: int) -> None:
        from graphx.extraction.dask_plugin import ExtractorPlugin

        plugin = ExtractorPlugin(self.settings)
        try:
            self.client.register_plugin(plugin, name=plugin.name)
        except GraphxError:
            raise
        except Exception as exc:
            raise ClusterError(f"the workers could not load the extractor: {exc}") from exc
        try:
            self.staging.mkdir()
        except OSError as exc:
            raise OutputError(f"{self.out}: cannot write: {exc.strerror or exc}") from exc
        try:
            self._submit_all(items, shard_docs)
            while self.pending:
                self._take()
        except BaseException:
            for future in self.pending:
                future.cancel()
            shutil.rmtree(self.staging, ignore_errors=True)  # the earlier output stays
            raise
        finally:
            with suppress(Exception):
                self.client.unregister_worker_plugin(plugin.name)
        names = [self.shards[index]["name"] for index in sorted(self.shards)]
        _publish(self.out, self.staging, names)
        self._write_manifest()

    def _submit_all(self, items: Iterable[InputError | Document], shard_docs: int) -> None:
        batch: list[Document] = []
        places: list[tuple[int, str]] = []
        index = 0
        window = self._window()
        for position, item in enumerate(items):
            if isinstance(item, InputError):
                self._fail(position, item.where, str(item), item)
                continue
            batch.append(item)
            places.append((position, item.source))
            if len(batch) >= shard_docs:
                self._submit(batch, places, index)
                batch, places, index = [], [], index + 1
                while len(self.pending) >= window:
                    self._take()
                    window = self._window()
        if batch:
            self._submit(batch, places, index)

    def _window(self) -> int:
        """Tasks in flight: two per worker thread (one running, one ready to start), so the
        inputs are read only a little ahead of the cluster."""
        return 2 * max(1, sum(self.client.nthreads().values())) + 1

    def _submit(self, batch: list[Document], places: list[tuple[int, str]], index: int) -> None:
        future = self.client.submit(
            extract_shard,
            batch,
            index,
            str(self.staging),
            self.settings,
            key=f"graphx-{shard_name(index)}-{self.token}",
            pure=False,
            retries=1,
        )
        self.pending[future] = places
        self.done.add(future)

    def _take(self) -> None:
        """Wait for the next task to end and take its shard."""
        future = next(self.done)
        places = self.pending.pop(future)
        try:
            result = future.result()
        except GraphxError:
            raise
        except Exception as exc:
            raise ClusterError(_task_failure(future, exc)) from exc
        self._finished(result, places)

    def _finished(self, result: dict[str, Any], places: list[tuple[int, str]]) -> None:
        self.shards[result["index"]] = result
        self.report.documents += result["documents"]
        self.report.relations += result["relations"]
        position_of = {source: position for position, source in places}
        for where, message in result["failures"]:
            self._fail(position_of.get(where, places[0][0]), where, message, None)
        if self.on_progress is not None:
            self.on_progress(self.report)

    def _fail(self, position: int, where: str, message: str, error: InputError | None) -> None:
        self.failed.append((position, where, message))
        self.report.failures += 1
        if self.on_failure is not None:
            self.on_failure(error if error is not None else _Reported(where, message))
        if self.on_progress is not None:
            self.on_progress(self.report)

    def _write_manifest(self) -> None:
        names = [self.shards[index]["name"] for index in sorted(self.shards)]
        self.report.shards = names
        manifest = {
            "format": MANIFEST_FORMAT,
            "version": 1,
            "documents": self.report.documents,
            "relations": self.report.relations,
            "failed": [
                {"input": where, "message": message}
                for _, where, message in sorted(self.failed, key=lambda failure: failure[0])
            ],
            "shards": [
                {
                    "name": self.shards[index]["name"],
                    "documents": self.shards[index]["documents"],
                    "relations": self.shards[index]["relations"],
                }
                for index in sorted(self.shards)
            ],
        }
        with _atomic_file(self.out / MANIFEST) as handle:
            json.dump(manifest, handle, indent=2, ensure_ascii=False)
            handle.write("\n")


class _Reported(InputError):
    """A failure a worker reported as text (its input and one-line message)."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(where, "")
        self.args = (message,)


def _task_failure(future: Any, exc: Exception) -> str:
    name = type(exc).__name__
    if name == "KilledWorker":
        return (
            f"task {future.key} was running on every worker that died while running it "
            "(out of memory?); the extraction stopped"
        )
    return f"task {future.key} failed: {name}: {exc}"


# ----------------------------------------------------------------------------- reading back
def read_manifest(folder: str | Path) -> dict[str, Any]:
    """The manifest of a folder of shards. InputError when there is none (the extraction did
    not finish) or it cannot be read."""
    path = Path(folder) / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(
            str(folder),
            f"no {MANIFEST}: not a finished graphx extract --dask folder (a run that "
            "stopped midway writes none; run it again)",
        ) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(str(path), f"cannot read the manifest: {exc}") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != MANIFEST_FORMAT:
        raise InputError(str(path), "not a graphx shard manifest")
    return manifest


def shard_paths(folder: str | Path) -> list[Path]:
    """The shards of a finished folder, in order (the order of the inputs). InputError when
    the manifest is missing or names a shard that is not there."""
    manifest = read_manifest(folder)
    paths = [Path(folder) / str(shard["name"]) for shard in manifest.get("shards", [])]
    for path in paths:
        if not path.is_file():
            raise InputError(str(path), f"missing: {MANIFEST} lists it")
    return paths
