"""The per-document time limit off the main thread (a Dask worker runs its tasks on a thread
of its own, where no signal arrives): a watchdog reads the thread's own CPU clock and stops
the work where it is, as SIGPROF does on the main thread."""

from __future__ import annotations

import threading
import time

import pytest

from graphx.extraction.pipeline import _time_limit, _TimeUp


def _in_thread(work) -> tuple[BaseException | None, float]:
    outcome: list = []

    def run() -> None:
        start = time.monotonic()
        try:
            work()
        except BaseException as exc:  # _TimeUp is a BaseException on purpose
            outcome.append((exc, time.monotonic() - start))
            return
        outcome.append((None, time.monotonic() - start))

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(60)
    assert not thread.is_alive()
    return outcome[0]


@pytest.mark.skipif(not hasattr(time, "pthread_getcpuclockid"), reason="no thread CPU clocks")
def test_a_busy_block_off_the_main_thread_is_cut_where_it_is():
    def busy() -> None:
        with _time_limit(0.2):
            while True:
                pass

    error, elapsed = _in_thread(busy)
    assert isinstance(error, _TimeUp)
    assert elapsed < 20  # cut, not run forever (wall time: the machine may be busy)


def test_waiting_off_the_main_thread_is_not_charged():
    def wait() -> None:
        with _time_limit(0.2):
            time.sleep(0.5)  # no CPU: within the limit

    error, _ = _in_thread(wait)
    assert error is None


def test_a_block_that_ends_in_time_leaves_nothing_pending():
    def quick() -> None:
        for _ in range(50):
            with _time_limit(5):
                sum(range(1000))
        time.sleep(0.2)  # a stray _TimeUp would arrive here
        sum(range(100_000))

    error, _ = _in_thread(quick)
    assert error is None
