"""Exports Gephi and event-data users expect: GEXF with positive weights, the signed
cooperation score apart, a timeline and the view's colours and sizes; GraphML and CSV with
the mention, document and source counts; the events table (one row per relation stated in one
document on one date), narrowed by the same selection as the graph. On both stores."""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

from graphx.models import Document
from graphx.serve.export import EVENT_FIELDS, ExportError, export_store, gexf_date
from graphx.serve.network import Selection, read_network
from graphx.serve.view import RELATION_COLORS, TYPE_COLORS, _sizes
from graphx.store.loading import _weights
from graphx.store.rows import RowBuilder, batches_by_document

from ..conftest import run_graphx

GEXF_NS = "http://www.gexf.net/1.2draft"
VIZ_NS = "http://www.gexf.net/1.2draft/viz"

# Our own sentences. Document "raid" states one strike three times (headline, lead, a later
# paragraph): one event with three mentions. "backing" has a claimed statement and a negated
# one. "two-raids" dates two strikes in its sentences; "feb" is dated to the month only;
# "undated" has no date; "far" is a pair of actors unrelated to Iran.
DOCUMENTS = [
    Document(
        id="raid",
        text=(
            "The United States struck Kataib Hezbollah in Iraq\n\n"
            "The United States struck Kataib Hezbollah near Al-Qaim on Monday, officials said.\n\n"
            "Iran condemned the United States.\n\n"
            "Later on Monday the United States struck Kataib Hezbollah again."
        ),
        source="test",
        title="Strike near Al-Qaim",
        date="2021-05-10",
        url="https://wire-one.example/raid",
        outlet="Wire One",
    ),
    Document(
        id="backing",
        text=(
            "Tehran's backing\n\n"
            "Iran supports Kataib Hezbollah, according to the State Department.\n\n"
            "Iran did not attack the United States."
        ),
        source="test",
        title="Backing",
        date="2021-05-11",
        url="https://wire-two.example/backing",
        outlet="Wire Two",
    ),
    Document(
        id="two-raids",
        text=(
            "On 3 March 2019 the United States struck Kataib Hezbollah. "
            "On 7 June 2021 the United States struck Kataib Hezbollah again."
        ),
        source="test",
        title="Two raids",
        date="2021-06-08",
        url="https://wire-two.example/two-raids",
        outlet="Wire Two",
    ),
    Document(
        id="feb",
        text="Iran condemned the Islamic State.",
        source="test",
        date="2020-02",
        outlet="Wire One",
    ),
    Document(id="undated", text="Iran supports Hezbollah.", source="test"),
    Document(
        id="far",
        text="Turkey struck the PKK in northern Iraq.",
        source="test",
        date="2022-08-01",
    ),
]
STRIKE = ("us", "strikes", "kataib_hezbollah")


def _load(store, extractor) -> None:
    items = [(doc, doc.id, extractor.extract(doc)) for doc in DOCUMENTS]
    store.load(batches_by_document(items, RowBuilder(extractor.kb)), extractor.kb, _weights())


@pytest.fixture
def loaded(store, extractor):
    _load(store, extractor)
    return store


def _gexf_edges(root: ET.Element) -> dict[tuple[str, str, str], ET.Element]:
    graph = root.find(f"{{{GEXF_NS}}}graph")
    titles = {
        a.get("id"): a.get("title")
        for a in graph.iterfind(f"{{{GEXF_NS}}}attributes[@class='edge']/{{{GEXF_NS}}}attribute")
    }
    edges = {}
    for edge in graph.iterfind(f"{{{GEXF_NS}}}edges/{{{GEXF_NS}}}edge"):
        values = {
            titles[v.get("for")]: v.get("value")
            for v in edge.iterfind(f"{{{GEXF_NS}}}attvalues/{{{GEXF_NS}}}attvalue")
        }
        edge.attrib.update({f"attr:{k}": v for k, v in values.items()})
        edges[(edge.get("source"), values["relation"], edge.get("target"))] = edge
    return edges


def test_gexf_has_positive_weights_a_timeline_and_the_view_look(loaded, tmp_path):
    target = tmp_path / "graph.gexf"
    result = export_store(loaded, Selection(), "gexf", target)
    assert result.files == [target] and result.events is None
    root = ET.parse(target).getroot()
    assert root.tag == f"{{{GEXF_NS}}}gexf" and root.get("version") == "1.2"
    graph = root.find(f"{{{GEXF_NS}}}graph")
    assert graph.get("mode") == "dynamic" and graph.get("timeformat") == "date"
    assert graph.get("defaultedgetype") == "directed"

    edges = _gexf_edges(root)
    assert edges and all(float(e.get("weight")) > 0 for e in edges.values())
    strike = edges[STRIKE]
    # raid (3 mentions, Wire One) and two-raids (2 mentions, Wire Two)
    assert strike.get("weight") == "2"
    assert (strike.get("attr:mentions"), strike.get("attr:documents")) == ("5", "2")
    assert strike.get("attr:sources") == "2" and float(strike.get("attr:cooperation")) == -10.0
    assert (strike.get("start"), strike.get("end")) == ("2019-03-03", "2021-06-07")
    month_only = edges[("iran", "opposes", "isis")]
    assert (month_only.get("start"), month_only.get("end")) == ("2020-02-01", "2020-02-29")
    undated = edges[("iran", "supports", "hezbollah")]
    assert undated.get("start") is None and undated.get("end") is None
    assert ("iran", "strikes", "us") not in edges  # negated: no edge
    kb_links = [e for k, e in edges.items() if k[1] == "part_of" and e.get("attr:kb") == "true"]
    assert all(e.get("weight") == "1" and e.get("attr:documents") == "0" for e in kb_links)

    color = strike.find(f"{{{VIZ_NS}}}color")
    assert color is not None and _hex(color) == RELATION_COLORS["strikes"]
    sizes = _sizes(read_network(loaded))
    nodes = {n.get("id"): n for n in graph.iterfind(f"{{{GEXF_NS}}}nodes/{{{GEXF_NS}}}node")}
    us = nodes["us"]
    assert _hex(us.find(f"{{{VIZ_NS}}}color")) == TYPE_COLORS["state"]
    assert float(us.find(f"{{{VIZ_NS}}}size").get("value")) == sizes["us"]
    assert (
        _hex(nodes["kataib_hezbollah"].find(f"{{{VIZ_NS}}}color")) == (TYPE_COLORS["armed_group"])
    )
    assert nodes["us"].find(f"{{{GEXF_NS}}}color") is None  # viz, not the main namespace

    back = nx.read_gexf(target)
    assert back.number_of_edges() == len(edges) == result.relations
    found = [d for s, t, d in back.edges(data=True) if (s, d["relation"], t) == STRIKE]
    assert found[0]["weight"] == 2.0 and found[0]["mentions"] == 5
    assert isinstance(found[0]["documents"], int) and found[0]["cooperation"] == -10.0


def _hex(color: ET.Element) -> str:
    return "#" + "".join(f"{int(color.get(c)):02x}" for c in "rgb")


def test_gexf_dates_are_whole_days():
    assert (gexf_date("2020"), gexf_date("2020", last=True)) == ("2020-01-01", "2020-12-31")
    assert gexf_date("2021-02", last=True) == "2021-02-28"
    assert gexf_date("2024-02", last=True) == "2024-02-29"
    assert gexf_date("2021-02") == "2021-02-01" and gexf_date("2021-02-03") == "2021-02-03"
    for invalid in (None, "", "2020-13", "2021-02-30", "0000", "May 2020", "2020-1"):
        assert gexf_date(invalid) is None and gexf_date(invalid, last=True) is None


def test_graphml_and_csv_carry_the_counts(loaded, tmp_path):
    export_store(loaded, Selection(), "graphml", tmp_path / "graph.graphml")
    back = nx.read_graphml(tmp_path / "graph.graphml")
    found = [d for s, t, d in back.edges(data=True) if (s, d["relation"], t) == STRIKE]
    assert len(found) == 1
    assert (found[0]["mentions"], found[0]["documents"], found[0]["sources"]) == (5, 2, 2)
    assert found[0]["weight"] == 2 and found[0]["cooperation"] == -10.0
    assert "count" not in found[0] and "viz" not in found[0]

    nodes, edges = export_store(loaded, Selection(), "csv", tmp_path / "tables").files
    with edges.open(encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        assert {"mentions", "documents", "sources", "cooperation"} <= set(reader.fieldnames)
        assert "count" not in reader.fieldnames
        rows = {(r["source"], r["relation"], r["target"]): r for r in reader}
    assert (rows[STRIKE]["mentions"], rows[STRIKE]["documents"]) == ("5", "2")
    assert rows[("iran", "supports", "kataib_hezbollah")]["sources"] == "1"
    assert ("iran", "strikes", "us") not in rows
    with nodes.open(encoding="utf-8", newline="") as stream:
        actors = {row["id"]: row for row in csv.DictReader(stream)}
    assert actors["us"]["type"] == "state" and actors["kataib_hezbollah"]["country"] == "iraq"
    assert "hamas" not in actors  # known to the knowledge base, named by no document
    assert not list(tmp_path.glob("**/.*.partial"))  # the temporary files are gone


def _events(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        assert tuple(reader.fieldnames) == EVENT_FIELDS
        return list(reader)


def test_events_table(loaded, tmp_path):
    target = tmp_path / "events.csv"
    result = export_store(loaded, Selection(), "events", target)
    events = _events(target)
    assert result.events == len(events) and result.files == [target]
    keyed = {
        (e["document"], e["source_id"], e["relation"], e["target_id"], e["date"]): e for e in events
    }
    assert len(keyed) == len(events)  # one row per event

    raid = keyed[("raid", *STRIKE, "2021-05-10")]
    assert raid["mentions"] == "3"  # headline, lead and later paragraph: one event
    assert raid["sentence"] == "The United States struck Kataib Hezbollah in Iraq"  # the earliest
    assert (raid["document_title"], raid["url"], raid["outlet"]) == (
        "Strike near Al-Qaim",
        "https://wire-one.example/raid",
        "Wire One",
    )
    assert (raid["source_name"], raid["source_type"], raid["target_type"]) == (
        "United States",
        "state",
        "armed_group",
    )
    assert raid["source_country"] == "" and raid["target_country"] == "iraq"
    assert (raid["plover"], raid["cameo"], raid["cameo_codes"]) == ("ASSAULT", "18", "18; 19; 20")
    assert raid["plover_codes"] == "ASSAULT; COERCE" and raid["cooperation"] == "-10"
    assert raid["claimed_by"] == "" and len(raid["event_id"]) == 16

    # two strikes dated in one document's sentences: two events of one mention each
    assert keyed[("two-raids", *STRIKE, "2019-03-03")]["mentions"] == "1"
    assert keyed[("two-raids", *STRIKE, "2021-06-07")]["mentions"] == "1"
    assert not any(k[0] == "two-raids" and k[4] == "2021-06-08" for k in keyed)
    backing = keyed[("backing", "iran", "supports", "kataib_hezbollah", "2021-05-11")]
    assert backing["claimed_by"] == "state_department" and backing["cameo"] == "05"
    assert not any(e["relation"] == "strikes" and e["source_id"] == "iran" for e in events)
    assert events[-1]["document"] == "undated" and events[-1]["date"] == ""
    dates = [e["date"] for e in events if e["date"]]
    assert dates == sorted(dates) and dates[0] == "2019-03-03"


def test_events_follow_the_selection(loaded, tmp_path):
    def selected(**options) -> list[dict[str, str]]:
        target = tmp_path / "events.csv"
        export_store(loaded, Selection(**options), "events", target)
        return _events(target)

    strikes = selected(relations=("strikes",))
    assert strikes and {e["relation"] for e in strikes} == {"strikes"}
    assert {e["source_id"] for e in strikes} == {"us", "turkey"}

    recent = selected(since="2021", until="2021-05")
    assert {e["date"] for e in recent} == {"2021-05-10", "2021-05-11"}  # no 2019, June or undated

    near_iran = selected(actor="iran", hops=1)
    assert {"iran", "kataib_hezbollah", "us"} <= {e["source_id"] for e in near_iran} | {
        e["target_id"] for e in near_iran
    }
    assert not any("turkey" in (e["source_id"], e["target_id"]) for e in near_iran)

    repeated = selected(min_count=5)
    assert {(e["source_id"], e["relation"], e["target_id"]) for e in repeated} == {STRIKE}


def test_events_refuse_a_folder(loaded, tmp_path):
    with pytest.raises(ExportError, match="is a folder"):
        export_store(loaded, Selection(), "events", tmp_path)
    with pytest.raises(ExportError, match="unknown export format 'xlsx'"):
        export_store(loaded, Selection(), "xlsx", tmp_path / "x")


def test_cli_exports_events(embedded_store, extractor, tmp_path):
    _load(embedded_store, extractor)
    db = embedded_store.location
    embedded_store.close()
    out = tmp_path / "events.csv"
    result = run_graphx(
        "export", "--format", "events", "-o", str(out), "--db", db, "--relation", "strikes"
    )
    assert result.returncode == 0, result.stderr
    events = _events(out)
    assert result.stderr.strip() == f"{out}: {len(events)} events of 2 relations"
    assert {e["relation"] for e in events} == {"strikes"} and len(events) == 4
    bad = run_graphx("export", "--format", "events", "-o", str(out), "--db", db, "--since", "May")
    assert bad.returncode == 2 and "--since 'May'" in bad.stderr
    assert _events(out) == events  # the refused run left the last export alone
