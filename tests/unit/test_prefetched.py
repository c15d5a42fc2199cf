"""rows.prefetched: the loader's batches built on a thread of their own, ahead of the store."""

from __future__ import annotations

import threading

import pytest

from graphx.errors import InputError
from graphx.store.rows import prefetched


def test_items_arrive_in_order_and_all_of_them():
    assert list(prefetched(iter(range(1000)), depth=2)) == list(range(1000))


def test_the_items_are_made_off_the_callers_thread():
    makers = []

    def made():
        for number in range(3):
            makers.append(threading.current_thread())
            yield number

    assert list(prefetched(made())) == [0, 1, 2]
    assert threading.current_thread() not in makers


def test_an_error_of_the_producer_reaches_the_caller_after_the_items_before_it():
    def breaks():
        yield 1
        yield 2
        raise InputError("mentions.jsonl", "no such file")

    got = []
    with pytest.raises(InputError, match=r"mentions\.jsonl: no such file"):
        for item in prefetched(breaks()):
            got.append(item)
    assert got == [1, 2]


def test_a_caller_that_stops_early_stops_the_producer():
    made = []

    def endless():
        number = 0
        while True:
            made.append(number)
            yield number
            number += 1

    items = prefetched(endless(), depth=1)
    assert next(items) == 0
    items.close()  # the caller is done (a load that failed): the thread ends too
    assert not any(t.name == "graphx-rows" for t in threading.enumerate())
    assert len(made) <= 4  # it stopped within an item or two of the caller, not at the end
