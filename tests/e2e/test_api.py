"""The Python API (`import graphx`) end to end, as a notebook uses it: texts, paths and Documents
in, RelationMention records out; an embedded store loaded from them; the network, the view and
an export read back. The JSON Lines `graphx extract` writes is exactly these records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import graphx
from graphx.extraction.kb import load_knowledge_base
from graphx.extraction.pipeline import relation_from_record, relation_record

from ..conftest import CORPUS

# Written for these tests (not from the seeds or the evaluation set).
STRIKE = "Iran-backed militias attacked US forces."
RAID = (
    "Hezbollah raid near the border\n\n"
    "Hezbollah fired rockets at Israel on 3 March 2024, the army said."
)
SANCTIONS = "Treasury acts\n\nThe United States imposed sanctions on Kataib Hezbollah in 2024."

# The output contract (README, "graphx extract"): these keys, no other ("negated" only on a
# negated mention, which is left out unless --keep-negated).
RELATION_KEYS = {
    "doc",
    "relation",
    "source",
    "target",
    "sentence",
    "sentence_span",
    "date",
    "claimed_by",
    "confidence",
    "rule",
}
ACTOR_KEYS = {"id", "name", "type", "aliases", "parents", "provisional", "span", "text"}


def _without_parents(record: dict) -> dict:
    actors = {
        k: {**record[k], "parents": None} for k in ("source", "target", "claimed_by") if record[k]
    }
    return {**record, **actors}


def _triples(mentions: list[graphx.RelationMention]) -> set[tuple[str, str, str]]:
    return {(m.source.actor.id, m.relation, m.target.actor.id) for m in mentions}


@pytest.fixture(scope="module")
def news(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("news")
    (folder / "raid.txt").write_text(RAID, encoding="utf-8")
    (folder / "sanctions.txt").write_text(SANCTIONS, encoding="utf-8")
    return folder


def test_a_sentence_gives_its_relations_as_records():
    mentions = list(graphx.extract([STRIKE]))
    assert all(isinstance(m, graphx.RelationMention) for m in mentions)
    assert ("iran_backed_militias", "strikes", "us_military") in _triples(mentions)
    assert ("us_military", "strikes", "iran_backed_militias") not in _triples(mentions)
    strike = next(m for m in mentions if m.relation == "strikes")
    assert (strike.sentence, strike.target.text) == (STRIKE, "US forces")
    source = strike.source
    assert STRIKE[source.start : source.end] == source.text == "Iran-backed militias"
    # a text's id is a hash of its content: the same text always, another text never
    assert strike.doc.startswith("text-") and len(strike.doc) == len("text-") + 12
    assert {m.doc for m in graphx.extract(STRIKE)} == {strike.doc}
    assert {m.doc for m in graphx.extract(STRIKE + " ")} != {strike.doc}


def test_the_notebook_flow_on_an_embedded_store(news: Path, tmp_path: Path):
    documents = list(graphx.read_documents([news, STRIKE]))
    assert [d.id for d in documents][:2] == ["raid", "sanctions"]
    assert documents[0].title == "Hezbollah raid near the border"
    mentions = list(graphx.extract(documents))
    assert {
        ("hezbollah", "strikes", "israel"),
        ("iran_backed_militias", "strikes", "us_military"),
    } <= _triples(mentions)
    assert ("israel", "strikes", "hezbollah") not in _triples(mentions)

    with graphx.open_store(tmp_path / "news.lbdb") as store:
        report = graphx.load(store, mentions, documents)
        assert report.documents == 3 and report.mentions_added == len(mentions)
        assert graphx.load(store, mentions, documents).mentions_added == 0  # idempotent
        titles = store.query("MATCH (d:Document) RETURN d.id, d.title ORDER BY d.id").rows
        assert ["raid", "Hezbollah raid near the border"] in titles

        graph = graphx.read_network(store, graphx.Selection(relations=("strikes",)))
        assert graph.has_edge("hezbollah", "israel", key="strikes")
        assert not graph.has_edge("israel", "hezbollah")
        assert all(key == "strikes" for _, _, key in graph.edges(keys=True))
        around = graphx.read_network(store, graphx.Selection(actor="Hezbollah"))  # a name
        assert "israel" in around and "us_military" not in around

        page = graphx.write_view(store, tmp_path / "view.html", title="Border")
        html = page.read_text(encoding="utf-8")
        assert "Hezbollah" in html and "<title>Border" in html
        result = graphx.export(store, tmp_path / "strikes.graphml", "graphml")
        assert result.files == [tmp_path / "strikes.graphml"] and result.relations > 0
        assert 'id="hezbollah"' in result.files[0].read_text(encoding="utf-8")

        with pytest.raises(graphx.ExportError, match="unknown export format 'pdf'"):
            graphx.export(store, tmp_path / "x.pdf", "pdf")
        with pytest.raises(graphx.SelectionError, match="'befriends'"):
            graphx.read_network(store, graphx.Selection(relations=("befriends",)))
        with pytest.raises(graphx.ActorNotFound):
            graphx.read_network(store, graphx.Selection(actor="Atlantis Liberation Front"))
        with pytest.raises(graphx.ViewError, match="nothing to show"):
            graphx.write_view(store, tmp_path / "empty.html", graphx.Selection(since="2090"))
    assert not (tmp_path / "x.pdf").exists() and not (tmp_path / "empty.html").exists()


def test_mentions_loaded_without_their_documents_equal_the_jsonl_load(news: Path, tmp_path):
    mentions = list(graphx.extract([news]))
    with graphx.open_store(tmp_path / "api.lbdb") as store:
        graphx.load(store, mentions)
        api = store.query("MATCH (m:Mention) RETURN m.id ORDER BY m.id").rows
        untitled = store.query("MATCH (d:Document) RETURN d.title").rows
    assert len(api) == len(mentions) > 0 and untitled == [[None], [None]]
    # the same records through JSON Lines: the same mention ids (content hashes)
    kb = load_knowledge_base()
    lines = tmp_path / "mentions.jsonl"
    lines.write_text("".join(json.dumps(relation_record(m, kb)) + "\n" for m in mentions))
    from graphx.store.loading import load_mentions

    with graphx.open_store(tmp_path / "file.lbdb") as store:
        assert load_mentions(store, str(lines)).failures == []
        assert store.query("MATCH (m:Mention) RETURN m.id ORDER BY m.id").rows == api


def test_bad_inputs_are_graphx_errors_naming_them(tmp_path: Path):
    missing = tmp_path / "missing.txt"
    with pytest.raises(graphx.InputError) as error:
        graphx.extract([STRIKE, missing])  # raised at the call, before any extraction
    assert error.value.where == str(missing) and "no such file" in str(error.value)
    with pytest.raises(graphx.InputError, match=r"reports/typo\.txt: no such file"):
        graphx.read_documents(["reports/typo.txt"])  # looks like a path: not taken as text
    with pytest.raises(graphx.InputError, match="text 2: empty document"):
        graphx.extract([STRIKE, "  "])
    with pytest.raises(graphx.OptionError, match="not int"):
        graphx.extract([STRIKE, 42])
    output = tmp_path / "out.jsonl"
    output.write_text(json.dumps({"doc": "d", "relation": "strikes", "source": {}, "target": {}}))
    with pytest.raises(graphx.ExtractOutputGiven):
        graphx.extract([output])
    # a text with spaces is a text, even with a slash in it
    assert [d.source for d in graphx.read_documents(["Rockets hit Erbil and/or Baghdad."])] == [
        "text 1"
    ]


def test_an_unreadable_document_raises_unless_on_error_takes_it(tmp_path: Path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "a_binary.txt").write_bytes(b"\x00\x01\x02binary")
    (folder / "b_raid.txt").write_text(RAID, encoding="utf-8")
    with pytest.raises(graphx.InputError, match=r"a_binary\.txt: binary file"):
        list(graphx.extract([folder]))
    failures: list[graphx.InputError] = []
    mentions = list(graphx.extract([folder], on_error=failures.append))
    assert [f.where for f in failures] == [str(folder / "a_binary.txt")]
    assert ("hezbollah", "strikes", "israel") in _triples(mentions)
    assert {m.doc for m in mentions} == {"b_raid"}


def test_a_knowledge_base_file_is_used(tmp_path: Path):
    kb_file = tmp_path / "extra.yaml"
    kb_file.write_text(
        "actors:\n  - {id: atlantis_front, name: Atlantis Liberation Front, type: armed_group}\n",
        encoding="utf-8",
    )
    text = "The Atlantis Liberation Front attacked US forces."
    assert "atlantis_front" in {m.source.actor.id for m in graphx.extract(text, kb=kb_file)}
    assert "atlantis_front" not in {m.source.actor.id for m in graphx.extract(text)}


def test_the_jsonl_contract_is_the_records(corpus_mentions: Path):
    """`graphx extract -o` writes each record as it was before records were typed: the same
    keys, and values that read back into the very records the API yields."""
    written = [json.loads(line) for line in corpus_mentions.read_text("utf-8").splitlines()]
    assert len(written) > 50
    for record in written:
        assert set(record) == RELATION_KEYS  # no "negated": negated ones are left out
        for key in ("source", "target"):
            assert set(record[key]) == ACTOR_KEYS
        assert record["claimed_by"] is None or set(record["claimed_by"]) == ACTOR_KEYS
        assert isinstance(record["sentence_span"], list) and len(record["sentence_span"]) == 2
    assert any(r["claimed_by"] for r in written) and any(r["source"]["parents"] for r in written)

    kb = load_knowledge_base()
    api = list(graphx.extract(sorted(CORPUS.glob("*.txt"))))
    assert [relation_record(m, kb) for m in api] == written
    # and back: a JSON line is the record it was written from, but for the parents
    # (names in JSON; the store takes them from the knowledge base)
    for line, mention in zip(written, api, strict=True):
        parsed = relation_from_record("corpus.jsonl", line)
        assert _without_parents(relation_record(parsed, kb)) == _without_parents(line)
        assert relation_record(parsed, kb)["source"]["parents"] == []
        assert (parsed.doc, parsed.source.start, parsed.rule) == (
            mention.doc,
            mention.source.start,
            mention.rule,
        )
