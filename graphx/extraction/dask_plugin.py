"""The Dask worker plugin of `graphx extract --dask`, apart from graphx.extraction.cluster
because it subclasses Dask's own class: this module imports Dask, and only a run with --dask
imports it."""

from __future__ import annotations

from typing import Any

from distributed import WorkerPlugin

from graphx.extraction.cluster import WorkerSettings, drop_extractor, worker_extractor


class ExtractorPlugin(WorkerPlugin):
    """Each worker process (and each one that joins or is restarted later) builds the run's
    Extractor as it starts, before its first task, so the model and knowledge base load once
    per process; the run's end drops it again."""

    def __init__(self, settings: WorkerSettings) -> None:
        self.settings = settings
        self.name = f"graphx-extractor-{settings.key}"

    def setup(self, worker: Any) -> None:
        worker_extractor(self.settings)

    def teardown(self, worker: Any) -> None:
        drop_extractor(self.settings)
