"""One event counted once: typed edges count mentions, documents and outlets, and rankings go
by documents, so a strike repeated in a headline, a lead and a later paragraph of one article
does not outweigh a strike reported by three newsrooms. Both stores."""

from __future__ import annotations

import json
from pathlib import Path

from graphx.serve.lookup import actor_profile
from graphx.serve.network import read_network
from graphx.serve.queries import prepare_query
from graphx.store.loading import build

from ..fingerprint import store_contents

# Written for these tests: the headline, the lead and a later paragraph repeat one rocket attack.
REPEATED = (
    "Kataib Hezbollah fired rockets at US forces\n\n"
    "BAGHDAD, March 3, 2021. Kataib Hezbollah fired rockets at US forces near the airport.\n\n"
    "Officials said later that Kataib Hezbollah fired rockets at US forces twice that night.\n"
)
REPORTED = "ERBIL, June 9, 2022. Kataib Hezbollah attacked Turkish troops in northern Iraq.\n"


def _corpus(path: Path, urls: dict[str, str | None]) -> Path:
    records = [
        {"id": "wire-1", "text": REPEATED, "outlet": "Wire One"},
        *(
            {"id": doc_id, "text": REPORTED, **({"url": url} if url else {})}
            for doc_id, url in urls.items()
        ),
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _edges(store) -> dict[tuple[str, str], dict]:
    graph = read_network(store)
    return {
        (graph.nodes[s]["name"], graph.nodes[t]["name"]): data
        for s, t, key, data in graph.edges(keys=True, data=True)
        if key == "strikes"
    }


URLS = {
    "turkey-1": "https://www.example-news.com/a",
    "turkey-2": "https://example-news.com/b",  # the same outlet: www. is not a newsroom
    "turkey-3": "https://other.example.org/c",
}


def test_edges_count_mentions_documents_and_outlets(store, tmp_path: Path):
    build(store, [str(_corpus(tmp_path / "news.jsonl", URLS))])
    edges = _edges(store)
    repeated = next(data for (_, target), data in edges.items() if "Turk" not in target)
    reported = next(data for (_, target), data in edges.items() if "Turk" in target)
    assert (repeated["mentions"], repeated["documents"], repeated["sources"]) == (3, 1, 1)
    assert (reported["mentions"], reported["documents"], reported["sources"]) == (3, 3, 2)
    # not counted by sentences: three mentions each, but one document against three
    assert repeated["documents"] < reported["documents"]


def test_rankings_go_by_documents_not_mentions(store, tmp_path: Path):
    build(store, [str(_corpus(tmp_path / "news.jsonl", URLS))])
    rows = prepare_query("who_strikes_whom", {}).run(store).records()
    assert [row["documents"] for row in rows] == [3, 1]
    assert "Turk" in rows[0]["target"]  # three documents first, though both have 3 mentions
    attacked = prepare_query("most_attacked", {}).run(store).records()
    assert "Turk" in attacked[0]["target"] and attacked[0]["documents"] == 3
    profile = actor_profile(store, "Kataib Hezbollah")
    strikes = [r for r in profile.outgoing if r.relation == "strikes"]
    assert [r.documents for r in strikes] == [3, 1]


def test_a_document_that_changes_outlet_recounts_its_edges(store, tmp_path: Path):
    corpus = tmp_path / "news.jsonl"
    build(store, [str(_corpus(corpus, URLS))])
    moved = dict(URLS, **{"turkey-2": "https://third.example.net/b"})
    build(store, [str(_corpus(corpus, moved))])
    reported = next(data for (_, target), data in _edges(store).items() if "Turk" in target)
    assert reported["sources"] == 3  # no mention changed, yet the outlets did
    incremental = store_contents(store)
    store.reset()
    build(store, [str(corpus)])
    assert store_contents(store) == incremental


def test_documents_with_no_outlet_count_no_source(store, tmp_path: Path):
    build(store, [str(_corpus(tmp_path / "news.jsonl", {"turkey-1": None, "turkey-2": None}))])
    reported = next(data for (_, target), data in _edges(store).items() if "Turk" in target)
    assert (reported["documents"], reported["sources"]) == (2, 0)
