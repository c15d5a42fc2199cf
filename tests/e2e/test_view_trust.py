"""The HTML view an analyst can trust, in a real browser (Debian's Chromium via Playwright).

One small store built from documents written here (titles, dates, urls, one undated) through
the real spaCy model: filters that leave no orphan dot or stale evidence, an empty selection
refused, fuzzy search over aliases, evidence with its source, labels by zoom, a timeline and
a PNG download.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graphx.serve.network import Selection
from graphx.serve.view import ViewError, build_view, write_view

from ..conftest import run_graphx
from .test_view import _clean_browser, _click_edge, browser  # noqa: F401  (fixtures)

DOCUMENTS = [
    {
        "id": "strike-one",
        "title": "Strike on militia",
        "date": "2020-01-05",
        "url": "https://news.example/strike",
        "text": "The United States struck Kataib Hezbollah in western Iraq. "
        "Hours later the United States struck Kataib Hezbollah again near Al-Qaim.",
    },
    {
        "id": "strike-two",
        "title": "Second raid",
        "date": "2020-02-11",
        "url": "https://other.example/raid",
        "text": "The United States struck Kataib Hezbollah in Anbar.",
    },
    {
        "id": "embassy",
        "title": "Embassy attack",
        "date": "2020-03-12",
        "url": "http://wire.example/embassy",
        "text": "Kataib Hezbollah attacked the United States embassy in Baghdad.",
    },
    {
        "id": "arms",
        "title": "Arms shipment",
        "date": "2021-07-01",
        "url": "https://news.example/arms",
        "text": "Iran armed Kataib Hezbollah with new drones.",
    },
    {
        "id": "talks",
        "title": "Gaza talks",
        "date": "2022-02-02",
        "url": "javascript:alert(document.domain)",
        "text": "Qatar negotiates with Hamas.",
    },
    {
        "id": "border",
        "title": "Border war",
        "date": "2023-10-08",
        "text": "Hamas threatened Israel. Israel struck Hamas in Gaza. Israel struck Hamas in "
        "Rafah. Israel struck Hamas in Khan Younis. Israel struck Hamas in Jabalia.",
    },
    {
        "id": "kss",
        "title": "Convoy ambush",
        "date": "2022-05-03",
        "text": "Kataib Sayyid al-Shuhada attacked Turkey.",
    },
    {
        "id": "vote",
        "title": "Undated vote",
        "text": "Iraqi lawmakers voted to expel the United States forces.",
    },
]
ARMS_SENTENCE = "Iran armed Kataib Hezbollah with new drones."
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def trust_db(tmp_path_factory) -> str:
    """An embedded store of DOCUMENTS, closed again so the CLI may open it too."""
    from graphx.store import open_store
    from graphx.store.loading import build

    folder = tmp_path_factory.mktemp("trust")
    source = folder / "documents.jsonl"
    source.write_text("\n".join(json.dumps(d) for d in DOCUMENTS) + "\n", encoding="utf-8")
    db = str(folder / "trust.lbdb")
    with open_store(db=db) as store:
        outcome = build(store, [str(source)])
    assert outcome.failures == []
    return db


@pytest.fixture(scope="module")
def chromium(browser):  # noqa: F811  (the fixture imported above)
    """test_view's headless Chromium (every request but file: refused, errors collected)."""
    return browser


@pytest.fixture(scope="module")
def trust_page(trust_db, tmp_path_factory) -> Path:
    from graphx.store import open_store

    with open_store(db=trust_db, read_only=True) as store:
        view = build_view(store, title="Trust: a test view")
    return write_view(view, tmp_path_factory.mktemp("trust-page") / "view.html")


def _edge_id(page, source: str, relation: str, target: str) -> str:
    return page.evaluate(
        "([s, r, t]) => graphx.edges.get().find(e => e.from === s && e.relation === r && "
        "e.to === t).id",
        [source, relation, target],
    )


def _shown(page) -> tuple[set[str], set[str]]:
    """The ids of the nodes and of the edges the network draws now."""
    nodes, edges = page.evaluate(
        "[graphx.nodes.get({filter: n => !n.hidden}).map(n => n.id),"
        " graphx.edges.get({filter: e => !e.hidden}).map(e => e.from + ' ' + e.relation + "
        "' ' + e.to)]"
    )
    return set(nodes), set(edges)


def _set_date(page, which: str, value: str) -> None:
    page.fill(f"#date-{which}", value)
    page.press(f"#date-{which}", "Enter")


def _search(page, text: str) -> None:
    page.fill("#search", text)
    page.press("#search", "Enter")


# ----------------------------------------------------------------------------- 1. filters
def test_filters_hide_orphans_recount_the_legend_and_refresh_the_panel(chromium, trust_page):
    page = chromium.open(trust_page)
    nodes, _ = _shown(page)
    assert {"qatar", "hamas", "iran", "kataib_hezbollah"} <= nodes
    assert page.text_content("[data-relation-count=negotiates]") == "negotiates (1)"
    states_before = page.text_content("[data-type-count=state]")

    page.click("input[data-relation=negotiates]")
    nodes, edges = _shown(page)
    assert "qatar" not in nodes  # its only relation is hidden: no orphan dot
    assert "hamas" in nodes  # still has other relations
    assert not any(" negotiates " in e for e in edges)
    assert page.text_content("[data-relation-count=negotiates]") == "negotiates (0)"
    states_after = page.text_content("[data-type-count=state]")
    count = lambda text: int(text.rsplit("(", 1)[1].rstrip(")"))  # noqa: E731
    assert count(states_after) == count(states_before) - 1  # Qatar no longer counted
    assert page.is_hidden("#empty")
    page.click("input[data-relation=negotiates]")

    # the evidence of a relation the dates then hide leaves the panel
    _click_edge(page, _edge_id(page, "iran", "supports", "kataib_hezbollah"))
    assert page.text_content("#panel-heading") == "Iran → supports → Kataib Hezbollah"
    assert ARMS_SENTENCE in page.text_content("#panel-body")
    _set_date(page, "until", "2020")
    assert ARMS_SENTENCE not in page.text_content("#panel-body")
    assert "hidden by the filters" in page.text_content("#panel-body")
    nodes, edges = _shown(page)
    assert "iran" not in nodes and "qatar" not in nodes
    assert "us strikes kataib_hezbollah" in edges
    assert page.text_content("[data-relation-count=supports]") == "supports (0)"
    assert page.text_content("[data-relation-count=strikes]") == "strikes (2)"

    # an actor's panel keeps only the evidence inside the dates
    _set_date(page, "until", "")
    _search(page, "Kataib Hezbollah")
    assert ARMS_SENTENCE in page.text_content("#panel-body")
    _set_date(page, "until", "2020-01")
    panel = page.text_content("#panel-body")
    assert ARMS_SENTENCE not in panel and "Anbar" not in panel  # 2021 and 2020-02
    assert "near Al-Qaim" in panel  # 2020-01

    # nothing left: a message on the page, not a blank canvas
    _set_date(page, "from", "2030")
    nodes, edges = _shown(page)
    assert nodes == set() and edges == set()
    assert page.is_visible("#empty")
    assert "Nothing to show" in page.text_content("#empty")
    assert page.text_content("#counts").startswith("0 of ")
    _set_date(page, "from", "")
    _set_date(page, "until", "")
    _search(page, "")
    assert page.is_hidden("#empty")
    nodes, _ = _shown(page)
    assert {"qatar", "iran", "turkey"} <= nodes


# ----------------------------------------------------------------------------- 2. empty view
def test_an_empty_selection_is_an_error_and_writes_no_page(trust_db, tmp_path):
    from graphx.store import open_store

    with open_store(db=trust_db, read_only=True) as store:
        with pytest.raises(ViewError, match=r"^nothing to show: no relation matches --since 2030"):
            build_view(store, Selection(since="2030"))
        assert build_view(store, Selection(since="2023")).edges == 2  # Hamas and Israel

    out = tmp_path / "empty.html"
    result = run_graphx("view", "--db", trust_db, "--since", "2030", "-o", str(out))
    assert result.returncode == 1
    assert result.stderr == "Error: nothing to show: no relation matches --since 2030\n"
    assert not out.exists()
    kept = run_graphx("view", "--db", trust_db, "--since", "2023", "-o", str(out))
    assert kept.returncode == 0, kept.stderr
    assert out.exists() and "2 relations" in kept.stderr


# ----------------------------------------------------------------------------- 3. search
def test_search_matches_aliases_accents_prefixes_and_typos(chromium, trust_page):
    page = chromium.open(trust_page)
    aliases = page.evaluate("graphx.data.nodes.find(n => n.id === 'kataib_hezbollah').aliases")
    assert "KH" in aliases  # aliases travel in the page
    find = lambda text: page.evaluate("t => graphx.findActors(t)", text)  # noqa: E731
    assert find("kataib hezbolah") == ["kataib_hezbollah"]  # a typo, not its sister militia
    assert find("KH") == ["kataib_hezbollah"]
    assert find("kh") == ["kataib_hezbollah"]
    assert find("KATAÏB HÉZBOLLAH") == ["kataib_hezbollah"]
    assert find("kataib hezb") == ["kataib_hezbollah"]
    assert sorted(find("Kataib")) == ["kataib_hezbollah", "kataib_sayyid_al_shuhada"]
    assert find("Katiab Sayid al Shuhada") == ["kataib_sayyid_al_shuhada"]
    assert find("Qatr") == ["qatar"]
    assert find("zzqx wobble") == []

    _search(page, "kataib hezbolah")
    assert page.evaluate("graphx.network.getSelectedNodes()") == ["kataib_hezbollah"]
    assert page.text_content("#panel-heading") == "Kataib Hezbollah"
    nodes, edges = _shown(page)
    assert {"kataib_hezbollah", "us", "iran"} <= nodes
    assert not {"qatar", "hamas", "kataib_sayyid_al_shuhada", "turkey"} & nodes
    assert all("kataib_hezbollah" in e.split() for e in edges)

    _search(page, "zzqx wobble")
    assert "invalid" in page.get_attribute("#search", "class")
    assert page.is_visible("#empty")
    assert "no actor matches “zzqx wobble”" in page.text_content("#empty")
    assert _shown(page) == (set(), set())
    _search(page, "")
    assert page.is_hidden("#empty")
    assert "invalid" not in page.get_attribute("#search", "class")


# ----------------------------------------------------------------------------- 4. evidence
def test_evidence_names_its_document_and_links_only_to_http(chromium, trust_page):
    page = chromium.open(trust_page)
    _click_edge(page, _edge_id(page, "iran", "supports", "kataib_hezbollah"))
    assert page.text_content("#panel-heading") == "Iran → supports → Kataib Hezbollah"
    links = page.evaluate(
        "[...document.querySelectorAll('#panel-body a')].map(a => "
        "({href: a.getAttribute('href'), target: a.target, rel: a.rel, text: a.textContent}))"
    )
    assert links == [
        {
            "href": "https://news.example/arms",
            "target": "_blank",
            "rel": "noopener noreferrer",
            "text": "Arms shipment",
        }
    ]
    panel = page.text_content("#panel-body")
    assert "published 2021-07-01" in panel
    assert "1 mention(s)" in panel and "1 document(s)" in panel and "1 source(s)" in panel

    _click_edge(page, _edge_id(page, "qatar", "negotiates", "hamas"))
    assert page.text_content("#panel-heading") == "Qatar → negotiates → Hamas"
    panel = page.text_content("#panel-body")
    assert "Gaza talks" in panel and "javascript:alert(document.domain)" in panel  # as text
    assert "published 2022-02-02" in panel
    assert page.evaluate("document.querySelectorAll('#panel-body a').length") == 0
    assert page.evaluate("document.querySelectorAll('a[href^=\"javascript\" i]').length") == 0

    _click_edge(page, _edge_id(page, "iraqi_parliament", "votes_against", "us"))
    panel = page.text_content("#panel-body")
    assert "Undated vote" in panel and "undated" in panel
    assert page.evaluate("document.querySelectorAll('#panel-body a').length") == 0


def test_edge_width_counts_documents_not_mentions(chromium, trust_page):
    page = chromium.open(trust_page)
    edge = lambda s, r, t: page.evaluate(  # noqa: E731
        "id => graphx.edges.get(id)", _edge_id(page, s, r, t)
    )
    raids = edge("us", "strikes", "kataib_hezbollah")  # 3 mentions in 2 documents
    shelling = edge("israel", "strikes", "hamas")  # 4 mentions in 1 document
    assert (raids["mentions"], raids["documents"], raids["sources"]) == (3, 2, 2)
    assert (shelling["mentions"], shelling["documents"]) == (4, 1)
    assert raids["width"] > shelling["width"]
    assert raids["title"] == "strikes: 3 mention(s), 2 document(s), 2 source(s)"


# ----------------------------------------------------------------------------- 5. labels
def _zoom(page, scale: float) -> None:
    page.evaluate(
        """scale => new Promise(done => {
            graphx.network.once('afterDrawing', done);
            graphx.network.moveTo({scale, animation: false});
        })""",
        scale,
    )


def _labelled(page) -> dict[str, bool]:
    return page.evaluate(
        "Object.fromEntries(graphx.nodes.getIds().map(id => "
        "[id, graphx.network.body.nodes[id].labelModule.visible()]))"
    )


def _clipped(page) -> list[str]:
    """The actors whose dot or label crosses the edge of the canvas."""
    return page.evaluate(
        """(() => {
            const box = document.getElementById('network').getBoundingClientRect();
            return graphx.nodes.getIds().filter(id => {
                const dot = graphx.network.getBoundingBox(id);
                const label = graphx.network.body.nodes[id].labelModule.size;
                const corners = [[dot.left, dot.top], [dot.right, dot.bottom],
                                 [label.left, label.top],
                                 [label.left + label.width, label.top + label.height]];
                return corners.map(([x, y]) => graphx.network.canvasToDOM({x, y}))
                    .some(p => p.x <= 0 || p.y <= 0 || p.x >= box.width || p.y >= box.height);
            });
        })()"""
    )


def test_long_labels_at_the_edge_are_not_clipped(chromium, tmp_path):
    import networkx as nx

    from graphx.serve.view import render_view

    chain = nx.MultiDiGraph()
    for number in range(3):  # laid out in a row: the end labels overhang the end dots
        chain.add_edge(f"a{number}", f"a{number + 1}", key="opposes", relation="opposes")
    for node in chain.nodes:
        chain.nodes[node].update(name=f"The Remarkably Long Name Of Actor {node}", type="person")
    page = chromium.open(write_view(render_view(chain, {}), tmp_path / "chain.html"))
    assert page.evaluate("graphx.nodes.length") == 4
    assert _clipped(page) == []
    _zoom(page, page.evaluate("graphx.network.getScale()") * 1.6)
    assert _clipped(page) != []  # the check sees a clipped label when there is one


def test_labels_follow_zoom_and_nothing_is_clipped(chromium, trust_page):
    page = chromium.open(trust_page)
    assert _clipped(page) == []

    sizes = page.evaluate("Object.fromEntries(graphx.data.nodes.map(n => [n.id, n.size]))")
    largest, smallest = max(sizes, key=sizes.get), min(sizes, key=sizes.get)
    assert sizes[largest] > sizes[smallest]
    _zoom(page, 0.3)
    labelled = _labelled(page)
    assert labelled[largest] is True
    assert labelled[smallest] is False
    _zoom(page, 1.0)
    assert all(_labelled(page).values())


# ----------------------------------------------------------------------------- 6. timeline
def _slide(page, month: str) -> None:
    page.evaluate(
        """month => {
            const slider = document.getElementById('month-slider');
            slider.value = String(graphx.months.indexOf(month));
            slider.dispatchEvent(new Event('input'));
        }""",
        month,
    )


def test_the_timeline_plays_month_by_month(chromium, trust_page):
    page = chromium.open(trust_page)
    months = page.evaluate("graphx.months")
    assert months[0] == "2020-01" and months[-1] == "2023-10"
    assert months[1] == "2020-02" and len(months) == len(set(months)) == 46
    note = page.text_content("#undated-note")
    assert page.is_visible("#undated-note") and "have no date" in note
    assert "always shows them" in note

    _slide(page, "2020-02")
    assert page.text_content("#month") == "to 2020-02"
    _, edges = _shown(page)
    assert "us strikes kataib_hezbollah" in edges  # first seen 2020-01
    assert "iraqi_parliament votes_against us" in edges  # undated: always shown
    assert "kataib_hezbollah part_of pmf" in edges  # a knowledge-base link, undated
    assert "kataib_hezbollah strikes us" not in edges  # 2020-03
    assert "iran supports kataib_hezbollah" not in edges  # 2021-07
    assert "israel strikes hamas" not in edges

    _slide(page, "2023-10")
    _, edges = _shown(page)
    assert {"israel strikes hamas", "iran supports kataib_hezbollah"} <= edges
    assert page.evaluate("graphx.state.monthEnd") is None

    page.click("#play")
    assert page.text_content("#play") == "Pause"
    # polled from here: wait_for_function's in-page polling runs eval(), which the page's
    # content security policy refuses once the first check is false
    for _ in range(100):
        if int(page.evaluate("document.getElementById('month-slider').value")) >= 2:
            break
        page.wait_for_timeout(100)
    page.click("#play")
    assert page.text_content("#play") == "Play"
    stopped = page.evaluate("document.getElementById('month-slider').value")
    assert 2 <= int(stopped) < len(months) - 1
    page.wait_for_timeout(1600)  # more than two steps of the player
    assert page.evaluate("document.getElementById('month-slider').value") == stopped
    _, edges = _shown(page)
    assert "israel strikes hamas" not in edges


# ----------------------------------------------------------------------------- 7. PNG
def test_the_current_view_downloads_as_png(chromium, trust_page):
    page = chromium.open(trust_page)
    with page.expect_download() as download:
        page.click("#save-png")
    saved = Path(download.value.path())
    assert download.value.suggested_filename == "trust-a-test-view.png"
    data = saved.read_bytes()
    assert data.startswith(PNG_MAGIC)
    assert len(data) > 2000  # a drawing, not an empty image
    assert not data.startswith(b"data:")
