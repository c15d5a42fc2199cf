"""Both stores, the same behaviour: idempotent and incremental loads, typed edges with their
counts and dates, knowledge-base membership, replacement of re-extracted documents."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from graphx.errors import QueryError
from graphx.store.loading import build, load_mentions, load_relations

from ..conftest import CORPUS, run_graphx

# The sample corpus reports the strike on Soleimani three times in two of its articles.
DOCUMENTS_ON_SOLEIMANI = 2


def _counts(store) -> dict[str, int]:
    return store.counts()


def test_build_is_idempotent(store):
    first = build(store, [str(CORPUS)])
    assert first.report.mentions_added > 50 and not first.failures
    counts = _counts(store)
    again = build(store, [str(CORPUS)])
    assert again.report.mentions_added == 0 and again.report.mentions_removed == 0
    assert again.report.edges_added == 0 and again.report.edges_removed == 0
    assert _counts(store) == counts


def test_incremental_load_equals_one_load(store, tmp_path: Path):
    files = sorted(CORPUS.glob("*.txt"))
    build(store, [str(f) for f in files[:5]])
    build(store, [str(f) for f in files[5:]])
    incremental = _counts(store)
    store.reset()
    build(store, [str(CORPUS)])
    assert _counts(store) == incremental


def test_typed_edges_and_evidence(store):
    build(store, [str(CORPUS)])
    rows = store.query(
        "MATCH (a:Actor)-[e:STRIKES]->(b:Actor) WHERE a.id = 'us' AND b.id = 'qassem_soleimani' "
        "RETURN e.mentions AS mentions, e.documents AS documents, e.sources AS sources, "
        "e.first_date AS first, e.last_date AS last, e.weight AS weight"
    ).records()
    assert rows == [
        {
            "mentions": 3,
            "documents": DOCUMENTS_ON_SOLEIMANI,
            "sources": 0,  # plain-text files name no outlet
            "first": "2020-01-03",
            "last": "2020-01-06",
            "weight": -10.0,
        }
    ]
    evidence = store.query(
        "MATCH (m:Mention)-[:IN_DOCUMENT]->(d:Document), (m)-[:SOURCE]->(s:Actor), "
        "(m)-[:TARGET]->(t:Actor) WHERE s.id = 'us' AND t.id = 'qassem_soleimani' "
        "RETURN d.id AS doc, m.sentence AS sentence, m.source_start AS span_start, "
        "m.source_end AS span_end ORDER BY doc"
    ).records()
    assert len(evidence) == 3
    for row in evidence:
        text = (CORPUS / f"{row['doc']}.txt").read_text(encoding="utf-8")
        assert row["sentence"] in text
        assert text[row["span_start"] : row["span_end"]] in {"US", "American"}


def test_knowledge_base_membership_is_part_of(store):
    build(store, [str(CORPUS / "04_pmf_law_2016.txt")])
    rows = store.query(
        "MATCH (a:Actor)-[e:PART_OF]->(p:Actor) WHERE a.id = 'kataib_hezbollah' "
        "RETURN p.id AS parent, e.kb AS kb ORDER BY parent"
    ).records()
    assert {"parent": "pmf", "kb": True} in rows


def test_reextracted_document_replaces_its_mentions(store, tmp_path: Path):
    document = tmp_path / "story.txt"
    document.write_text(
        "Iran condemned the US strike. Kataib Hezbollah attacked US forces in Syria.\n",
        encoding="utf-8",
    )
    build(store, [str(document)])
    assert store.query("MATCH (m:Mention) RETURN count(m) AS n").rows[0][0] == 2
    document.write_text("Iran condemned the US strike.\n", encoding="utf-8")
    report = build(store, [str(document)]).report
    assert (report.mentions_removed, report.mentions_kept, report.mentions_added) == (1, 1, 0)
    remaining = store.query("MATCH (m:Mention) RETURN m.relation AS r").rows
    assert remaining == [["opposes"]]
    strikes = store.query("MATCH ()-[e:STRIKES]->() RETURN count(e) AS n").rows[0][0]
    assert strikes == 0


def _edges_agree_with_every_mention(store) -> bool:
    """Rebuild the edges from every mention: nothing to change means the incremental
    updates kept them right."""
    from graphx.extraction.kb import load_knowledge_base
    from graphx.store.base import LoadReport
    from graphx.store.loading import _weights

    report = LoadReport()
    store.sync_edges(load_knowledge_base(), _weights(), report)
    return (report.edges_added, report.edges_removed) == (0, 0)


def test_incremental_edge_updates_match_a_rebuild(store, tmp_path: Path):
    files = sorted(CORPUS.glob("*.txt"))
    build(store, [str(f) for f in files[:6]])
    assert _edges_agree_with_every_mention(store)
    edited = tmp_path / files[2].name  # the same document id, re-extracted with less text
    text = files[2].read_text(encoding="utf-8")
    edited.write_text(text[: len(text) // 2], encoding="utf-8")
    report = build(store, [str(edited), *map(str, files[6:])]).report
    assert report.mentions_removed > 0 and report.mentions_added > 0
    assert _edges_agree_with_every_mention(store)


def _papers_and_mentions():
    from graphx.models import Document

    from ..unit.relations import relation, said

    papers = [
        Document(id="a", text="", source="a", outlet="wire.example"),
        Document(id="b", text="", source="b", outlet="wire.example"),
        Document(id="c", text="", source="c", outlet="daily.example"),
        Document(id="d", text="", source="d"),  # no outlet: counts as no source
    ]
    mentions = [
        relation("a", date="2024-05-02"),
        relation("a", date=None, sentence_span=(40, 76)),  # undated: widens no range
        relation("b", date="2023-01-09"),
        relation("c", date="2024-07-30", negated=True),  # counts nowhere
        relation("d", date="2024-06-11", source=said("lion_militia", 5)),
        relation("d", target_id="river_brigade", relation="opposes"),
    ]
    return papers, mentions


# a and b share an outlet, d has none, c's only mention is negated
STRIKES_COUNTED = [
    {
        "target": "border_guard",
        "mentions": 4,
        "documents": 3,
        "sources": 1,
        "first_date": "2023-01-09",
        "last_date": "2024-06-11",
    }
]


@pytest.mark.parametrize("second_piece", [False, True], ids=["whole", "in-two-pieces"])
def test_a_first_load_counts_its_edges_as_a_recount_of_the_store_would(store, second_piece):
    """A load into a store with no mentions counts its edges as its batches are built (no
    recount): the counts must be what counting the store's mentions gives, outlets, undated
    and negated mentions included. Document "a" again at the end, a mention it already gave
    repeated (a second piece), must not count twice."""
    papers, mentions = _papers_and_mentions()
    if second_piece:
        mentions.append(mentions[0])
    load_relations(store, mentions, papers, batch_size=2)
    assert store.query(EDGE_COUNTS).records() == STRIKES_COUNTED
    assert _edges_agree_with_every_mention(store)


def test_a_first_load_counts_the_outlets_the_store_knows(store):
    """Documents read earlier with no relation found are in the store with their outlets;
    mentions loaded later from extraction output (which carries no outlet) count them."""
    papers, mentions = _papers_and_mentions()
    load_relations(store, [], papers)
    assert store.query("MATCH (m:Mention) RETURN count(m) AS n").rows == [[0]]
    load_relations(store, mentions, batch_size=2)
    assert store.query(EDGE_COUNTS).records() == STRIKES_COUNTED
    assert _edges_agree_with_every_mention(store)


EDGE_COUNTS = (
    "MATCH (a:Actor)-[e:STRIKES]->(b:Actor) RETURN b.id AS target, e.mentions AS mentions, "
    "e.documents AS documents, e.sources AS sources, e.first_date AS first_date, "
    "e.last_date AS last_date"
)


def test_a_load_that_died_before_its_edges_is_repaired_by_the_next(store):
    from graphx.extraction.documents import read_inputs
    from graphx.extraction.kb import load_knowledge_base
    from graphx.extraction.pipeline import extract_stream
    from graphx.store.loading import _weights
    from graphx.store.rows import RowBuilder, batches_by_document

    kb = load_knowledge_base()
    documents = [
        (document, document.id, records)
        for document, records in extract_stream(read_inputs([str(CORPUS)]), kb=kb)
    ]

    def dies_after_the_last_batch():
        yield from batches_by_document(documents, RowBuilder(kb), 20)
        raise KeyboardInterrupt  # as if killed before the edges were brought in line

    with pytest.raises(KeyboardInterrupt):
        store.load(dies_after_the_last_batch(), kb, _weights())
    assert store.query("MATCH ()-[e:STRIKES]->() RETURN count(e) AS n").rows[0][0] == 0
    report = store.load(batches_by_document(documents, RowBuilder(kb), 20), kb, _weights())
    assert report.mentions_added == 0 and report.edges_added > 0
    assert _edges_agree_with_every_mention(store)


def test_load_from_extraction_output(store, tmp_path: Path):
    mentions = tmp_path / "mentions.jsonl"
    result = run_graphx("extract", str(CORPUS), "-q", "-o", str(mentions))
    assert result.returncode == 0, result.stderr
    lines = mentions.read_text(encoding="utf-8").splitlines()
    with_bad = tmp_path / "with_bad.jsonl"
    with_bad.write_text(
        "\n".join([lines[0], "{broken", json.dumps({"doc": "x"}), *lines[1:]]) + "\n",
        encoding="utf-8",
    )
    outcome = load_mentions(store, str(with_bad))
    assert [str(f).split(": ", 1)[1] for f in outcome.failures] == [
        "not JSON: Expecting property name enclosed in double quotes",
        "missing 'relation'",
    ]
    assert store.query("MATCH (m:Mention) RETURN count(m) AS n").rows[0][0] == len(lines)
    reloaded = load_mentions(store, str(mentions))
    assert reloaded.report.mentions_added == 0


def test_query_errors_carry_the_database_message(store):
    store.ensure_schema()
    with pytest.raises(QueryError) as error:
        store.query("MATCH (n:NoSuchLabel RETURN n")
    assert str(error.value)


def test_reset_empties_the_store(store):
    build(store, [str(CORPUS / "05_soleimani_strike_2020.txt")])
    store.reset()
    store.ensure_schema()
    assert all(value == 0 for value in store.counts().values())


def test_both_stores_hold_the_same_graph(embedded_store, neo4j_store):
    build(embedded_store, [str(CORPUS)])
    build(neo4j_store, [str(CORPUS)])
    assert embedded_store.counts() == neo4j_store.counts()
    statement = (
        "MATCH (a:Actor)-[e:SUPPORTS]->(b:Actor) RETURN a.id AS source, "
        "b.id AS target, e.mentions AS n ORDER BY source, target"
    )
    assert embedded_store.query(statement).rows == neo4j_store.query(statement).rows


def test_cli_build_query_reset(tmp_path: Path):
    db = str(tmp_path / "cli.lbdb")
    built = run_graphx("build", str(CORPUS), "--db", db)
    assert built.returncode == 0, built.stderr
    assert "mentions 75" in built.stderr or "mentions" in built.stderr
    answer = run_graphx(
        "query", "who_strikes_whom", "--db", db, "--format", "json", "--param", "since=2024"
    )
    rows = json.loads(answer.stdout)
    assert rows and all(r["last_date"] >= "2024" for r in rows)
    refused = run_graphx("reset", "--db", db)
    assert refused.returncode == 2 and "--yes" in refused.stderr
    assert run_graphx("reset", "--db", db, "--yes").returncode == 0


def test_second_writer_gets_a_clear_error(tmp_path: Path):
    import subprocess
    import sys
    import time

    db = tmp_path / "busy.lbdb"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from graphx.store import open_store; "
            f"s = open_store(db={str(db)!r}); s.ensure_schema(); print('ready', flush=True); "
            "time.sleep(30)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        started = time.time()
        result = run_graphx("build", str(CORPUS / "05_soleimani_strike_2020.txt"), "--db", str(db))
        assert result.returncode == 1
        assert result.stderr.strip() == (
            f"Error: {db}: store is in use by another process (process {holder.pid}); "
            "wait for it to finish, then retry"
        )
        assert time.time() - started < 60
    finally:
        holder.kill()
        holder.wait()
    assert (
        run_graphx(
            "build", str(CORPUS / "05_soleimani_strike_2020.txt"), "--db", str(db)
        ).returncode
        == 0
    )


def test_unreachable_neo4j_names_the_uri_not_the_password(monkeypatch):
    monkeypatch.setenv("NEO4J_PASSWORD", "s3cret-passw0rd")
    result = run_graphx("query", "RETURN 1 AS x", "--neo4j", "bolt://127.0.0.1:1")
    assert result.returncode == 1
    assert result.stderr.startswith("Error: bolt://127.0.0.1:1: cannot reach the Neo4j server")
    assert result.stderr.count("\n") == 1
    assert "s3cret" not in result.stderr + result.stdout


def test_bad_credentials_are_one_line(monkeypatch):
    from ..conftest import _require_neo4j

    settings = _require_neo4j()
    monkeypatch.setenv("NEO4J_PASSWORD", "wrong-password-123")
    result = run_graphx("query", "RETURN 1 AS x", "--neo4j", settings["uri"])
    assert result.returncode == 1
    assert (
        result.stderr
        == f"Error: {settings['uri']}: Neo4j refused the credentials of user 'neo4j'\n"
    )
    assert "wrong-password" not in result.stderr


def test_the_store_file_is_not_a_folder(tmp_path: Path):
    folder = tmp_path / "folder"
    folder.mkdir()
    result = run_graphx("query", "RETURN 1 AS x", "--db", str(folder))
    assert result.returncode == 2 and "is a directory" in result.stderr
    from graphx.errors import StoreError
    from graphx.store import open_store

    with pytest.raises(StoreError, match="is a folder"):
        open_store(db=str(folder))
    shutil.rmtree(folder)


def test_a_store_on_the_callers_own_driver(tmp_path: Path):
    """Neo4jStore.from_driver: graphx loads and reads through a driver it does not own, and
    leaves it open for its owner."""
    import neo4j

    from graphx.errors import StoreReadOnly
    from graphx.store.neo4j import Neo4jStore

    from ..conftest import _require_neo4j

    settings = _require_neo4j()
    driver = neo4j.GraphDatabase.driver(settings["uri"], auth=("neo4j", settings["password"]))
    try:
        store = Neo4jStore.from_driver(driver)
        store.reset()
        build(store, [str(CORPUS / "05_soleimani_strike_2020.txt")])
        store.close()
        reader = Neo4jStore.from_driver(driver, read_only=True)
        assert reader.counts()["mentions"] > 0
        assert "127.0.0.1" in reader.location or "localhost" in reader.location
        reader.close()
        driver.verify_connectivity()  # still the caller's, still open
        with pytest.raises(StoreReadOnly):  # read-only: the server refuses a write
            Neo4jStore.from_driver(driver, read_only=True).run("CREATE (:Scratch)")
    finally:
        driver.close()


@pytest.mark.parametrize("stop_before", ["COPY IN_DOCUMENT", "COPY SUPPORTS"])
def test_an_embedded_load_interrupted_inside_a_batch_keeps_no_half_of_it(
    tmp_path: Path, monkeypatch, stop_before
):
    """The embedded store commits a load's batches together. Interrupted between a batch's
    mentions and their links (or among its edges), nothing of the unfinished part is kept
    half-written: no mention without its document link, and the next load completes it."""
    from graphx.store import open_store
    from graphx.store.embedded import EmbeddedStore

    db = str(tmp_path / "graph.lbdb")
    run = EmbeddedStore.run

    def interrupted(self, statement, parameters=None):
        if statement.startswith(stop_before):
            raise KeyboardInterrupt
        return run(self, statement, parameters)

    monkeypatch.setattr(EmbeddedStore, "run", interrupted)
    with open_store(db=db) as store, pytest.raises(KeyboardInterrupt):
        build(store, [str(CORPUS)])
    monkeypatch.setattr(EmbeddedStore, "run", run)
    with open_store(db=db) as store:
        unlinked = "MATCH (m:Mention) WHERE NOT EXISTS { MATCH (m)-[:IN_DOCUMENT]->() } "
        assert store.query(unlinked + "RETURN count(m) AS n").rows == [[0]]
        build(store, [str(CORPUS)])
        assert _edges_agree_with_every_mention(store)
        counts = store.counts()
    with open_store(db=str(tmp_path / "clean.lbdb")) as clean:
        build(clean, [str(CORPUS)])
        assert clean.counts() == counts
