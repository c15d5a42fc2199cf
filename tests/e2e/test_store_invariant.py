"""The store always equals a clean build of the final corpus with the final knowledge base.

Each scenario runs a sequence of builds, loads, re-extractions, knowledge-base edits or hand
edits on a store, then compares its whole contents (documents, actors, mentions with their
evidence, mention links, typed edges with counts and dates) with the same store reset and built
once from the final inputs. Every scenario runs on both stores.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from graphx.store.loading import build, load_mentions

from ..conftest import run_graphx
from ..fingerprint import fingerprint, store_contents

# Sentences written for these tests; each yields relations with today's rules.
RAID = (
    "BAGHDAD, March 3, 2021\n"
    "Kataib Hezbollah fired rockets at US forces near Baghdad airport. "
    "Iran condemned the American strike on the militia.\n"
)
# The same length, spans unmoved: a corrected dateline and one reworded word.
RAID_CORRECTED = RAID.replace("March 3", "March 4").replace("airport", "stadium")
SANCTIONS = (
    "ERBIL, June 9, 2022\n"
    "The United States sanctioned Asaib Ahl al-Haq, an Iran-backed militia. "
    "Kataib Hezbollah attacked Turkish troops in northern Iraq, the Pentagon said.\n"
)


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def assert_equals_clean_build(
    store, paths: Sequence[str | Path], kb_files: Sequence[str | Path] = ()
) -> None:
    """The store holds exactly what one build of `paths` with `kb_files` into an empty store
    makes (the store is reset and rebuilt to find out)."""
    incremental = store_contents(store)
    store.reset()
    outcome = build(store, [str(p) for p in paths], kb_files=[str(f) for f in kb_files])
    clean = store_contents(store)
    assert clean["mentions"], "the clean build found nothing: the scenario tests nothing"
    assert not outcome.report.mentions_removed
    assert incremental == clean


def _mentions_by_document(store) -> dict[str, int]:
    rows = store.run("MATCH (m:Mention) RETURN m.doc AS doc, count(*) AS n").records()
    return {row["doc"]: int(row["n"]) for row in rows}


# ----------------------------------------------------------------------------- identity
def test_same_named_files_in_two_folders_are_two_documents(store, tmp_path: Path):
    corpus = tmp_path / "corpus"
    _write(corpus / "2021" / "report.txt", RAID)
    _write(corpus / "2022" / "report.txt", SANCTIONS)
    outcome = build(store, [str(corpus)], batch_size=1)
    assert not outcome.failures
    by_document = _mentions_by_document(store)
    assert set(by_document) == {"2021/report", "2022/report"}
    assert by_document["2021/report"] == 3 and by_document["2022/report"] == 3
    assert_equals_clean_build(store, [corpus])


def test_duplicate_jsonl_ids_are_an_error_not_a_merge(store, tmp_path: Path):
    corpus = tmp_path / "wire.jsonl"
    lines = [
        {"id": "story", "text": RAID, "title": "Rockets"},
        {"id": "story", "text": SANCTIONS, "title": "Sanctions"},
    ]
    corpus.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    outcome = build(store, [str(corpus)], batch_size=1)
    assert len(outcome.failures) == 1
    assert "story" in str(outcome.failures[0]) and f"{corpus}:1" in str(outcome.failures[0])
    assert _mentions_by_document(store) == {"story": 3}  # the first line's, not a mixture
    first_only = _write(tmp_path / "first.jsonl", json.dumps(lines[0]) + "\n")
    assert_equals_clean_build(store, [first_only])


def test_two_piped_snippets_are_two_documents(tmp_path: Path, store):
    args = _cli_store_args(store)
    _release(store)
    for snippet in (RAID, SANCTIONS):
        piped = run_graphx("build", "-", "-q", *args, input=snippet)
        assert piped.returncode == 0, piped.stderr
    store = _reopen(store)
    by_document = _mentions_by_document(store)
    assert sorted(by_document.values()) == [3, 3]
    assert all(doc.startswith("stdin-") for doc in by_document)
    # the same snippets again, in the other order, into an empty store: the same graph
    before = fingerprint(store)
    store.reset()
    _release(store)
    for snippet in (SANCTIONS, RAID):
        run_graphx("build", "-", "-q", *args, check=True, input=snippet)
    store = _reopen(store)
    assert fingerprint(store) == before
    store.close()


def test_same_length_edit_replaces_date_and_sentence(store, tmp_path: Path):
    document = _write(tmp_path / "raid.txt", RAID)
    build(store, [str(document)])
    document.write_text(RAID_CORRECTED, encoding="utf-8")
    report = build(store, [str(document)]).report
    assert report.mentions_removed == report.mentions_added == 3
    dates = {row[0] for row in store.run("MATCH (m:Mention) RETURN m.date").rows}
    assert dates == {"2021-03-04"}
    assert_equals_clean_build(store, [document])


def test_document_metadata_follows_the_corpus(store, tmp_path: Path):
    corpus = tmp_path / "wire.jsonl"
    first = {"id": "w1", "text": RAID, "title": "Rockets", "date": "2021-03-03", "url": "u"}
    corpus.write_text(json.dumps(first) + "\n", encoding="utf-8")
    build(store, [str(corpus)])
    corrected = {"id": "w1", "text": RAID, "date": "2021-03-05"}  # no title, no url now
    corpus.write_text(json.dumps(corrected) + "\n", encoding="utf-8")
    build(store, [str(corpus)])
    rows = store.run("MATCH (d:Document) RETURN d.title, d.date, d.url").rows
    assert rows == [[None, "2021-03-05", None]]
    assert_equals_clean_build(store, [corpus])


def test_loading_extract_output_keeps_the_document_metadata(store, tmp_path: Path):
    corpus = tmp_path / "wire.jsonl"
    record = {"id": "w1", "text": RAID, "title": "Rockets", "date": "2021-03-03", "url": "u"}
    corpus.write_text(json.dumps(record) + "\n", encoding="utf-8")
    build(store, [str(corpus)])
    before = fingerprint(store)
    mentions = tmp_path / "mentions.jsonl"
    _extract(corpus, mentions)
    load_mentions(store, str(mentions))
    assert fingerprint(store) == before


def test_mentions_file_not_sorted_by_document_loses_nothing(store, tmp_path: Path):
    raid = _write(tmp_path / "corpus" / "raid.txt", RAID)
    _write(tmp_path / "corpus" / "sanctions.txt", SANCTIONS)
    mentions = tmp_path / "mentions.jsonl"
    _extract(tmp_path / "corpus", mentions)
    lines = mentions.read_text(encoding="utf-8").splitlines()
    by_doc = {
        doc: [line for line in lines if json.loads(line)["doc"] == doc]
        for doc in ("raid", "sanctions")
    }
    interleaved = [
        line for pair in zip(by_doc["raid"], by_doc["sanctions"], strict=False) for line in pair
    ]
    interleaved += by_doc["raid"][len(by_doc["sanctions"]) :]
    shuffled = _write(tmp_path / "interleaved.jsonl", "\n".join(interleaved) + "\n")
    build(store, [str(raid)])  # the store already has one of the documents
    load_mentions(store, str(shuffled), batch_size=1)
    assert _mentions_by_document(store) == {"raid": 3, "sanctions": 3}
    # extract's output carries no document title (the text files' first lines): everything
    # else equals a clean build
    incremental = store_contents(store)
    store.reset()
    build(store, [str(tmp_path / "corpus")])
    clean = store_contents(store)
    assert [json.loads(d)["id"] for d in incremental.pop("documents")] == [
        json.loads(d)["id"] for d in clean.pop("documents")
    ]
    assert incremental == clean


# ----------------------------------------------------------------------------- knowledge base
def test_knowledge_base_edits_reach_the_store(store, tmp_path: Path):
    document = _write(tmp_path / "sanctions.txt", SANCTIONS)
    edited_kb = _write(
        tmp_path / "kb.yaml",
        "actors:\n"
        "  - {id: kataib_hezbollah, parents: [pmf, islamic_resistance_in_iraq, "
        "axis_of_resistance]}\n"
        "  - {id: asaib_ahl_al_haq, name: League of the Righteous (AAH), type: political_bloc}\n",
    )
    build(store, [str(document)])
    assert not store.run(
        "MATCH (a:Actor)-[:PART_OF]->(p:Actor) WHERE p.id = 'axis_of_resistance' RETURN a.id"
    ).rows
    # a parent added, an actor renamed and retyped
    build(store, [str(document)], kb_files=[str(edited_kb)])
    rows = store.run(
        "MATCH (a:Actor)-[e:PART_OF]->(p:Actor) WHERE p.id = 'axis_of_resistance' RETURN a.id, e.kb"
    ).rows
    assert rows == [["kataib_hezbollah", True]]
    renamed = store.run("MATCH (a:Actor) WHERE a.id = 'asaib_ahl_al_haq' RETURN a.name, a.type")
    assert renamed.rows == [["League of the Righteous (AAH)", "political_bloc"]]
    assert_equals_clean_build(store, [document], [edited_kb])
    # and removed again: the edge goes, and the parent actors nothing else names
    build(store, [str(document)], kb_files=[str(edited_kb)])
    build(store, [str(document)])
    ids = {row[0] for row in store.run("MATCH (a:Actor) RETURN a.id").rows}
    assert "axis_of_resistance" not in ids
    assert_equals_clean_build(store, [document])


# ----------------------------------------------------------------------------- hand edits
def test_a_hand_deletion_then_a_reload_is_not_double_counted(store, tmp_path: Path):
    document = _write(tmp_path / "raid.txt", RAID)
    build(store, [str(document)])
    store.run("MATCH (m:Mention) WHERE m.relation = 'strikes' DETACH DELETE m")
    build(store, [str(document)])
    counts = store.run("MATCH ()-[e:STRIKES]->() RETURN e.mentions").rows
    assert counts == [[1], [1]]
    assert_equals_clean_build(store, [document])


def test_a_document_that_lost_its_only_mention_of_an_actor_drops_the_actor(store, tmp_path):
    document = _write(tmp_path / "sanctions.txt", SANCTIONS)
    build(store, [str(document)])
    assert "turkish_armed_forces" in {r[0] for r in store.run("MATCH (a:Actor) RETURN a.id").rows}
    document.write_text(SANCTIONS.split(" Kataib")[0] + "\n", encoding="utf-8")
    build(store, [str(document)])
    ids = {row[0] for row in store.run("MATCH (a:Actor) RETURN a.id").rows}
    assert "turkish_armed_forces" not in ids
    assert_equals_clean_build(store, [document])


# ----------------------------------------------------------------------------- helpers
def _extract(source: Path, output: Path) -> None:
    run_graphx("extract", str(source), "-q", "-o", str(output), check=True)


def _cli_store_args(store) -> list[str]:
    from graphx.store.embedded import EmbeddedStore

    if isinstance(store, EmbeddedStore):
        return ["--db", store.location]
    return ["--neo4j", store.location]


def _release(store) -> None:
    """Let a graphx process open the store: the embedded file takes one writer at a time."""
    from graphx.store.embedded import EmbeddedStore

    if isinstance(store, EmbeddedStore):
        store.close()


def _reopen(store):
    from graphx.store import open_store
    from graphx.store.embedded import EmbeddedStore

    if isinstance(store, EmbeddedStore):
        return open_store(db=store.location)
    return store
