"""The HTML network view in a real browser: Debian's Chromium driven by Playwright, offline.

Every request that is not a file: URL is blocked and fails the test; the page sets
`document.body.dataset.drawn` once it has drawn the network.
"""

from __future__ import annotations

import json
import os
import shutil
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest

from graphx.serve.network import Selection, read_network
from graphx.serve.view import PHYSICS_LIMIT, build_view, render_view, write_view

from ..conftest import run_graphx

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    found = os.environ.get("GRAPHX_CHROMIUM") or shutil.which("chromium")
    if not found:
        if os.environ.get("CI"):
            pytest.fail("CI must run the browser tests: Debian's chromium is not installed")
        pytest.skip("no chromium: apt-get install chromium")
    return found


class Browser:
    """A headless Chromium with a fresh profile that refuses everything but file: URLs."""

    def __init__(self, playwright, profile: Path) -> None:
        self.context = playwright.chromium.launch_persistent_context(
            str(profile),
            executable_path=chromium_path(),
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1400, "height": 900},
        )
        self.blocked: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.context.route("**/*", self._route)

    def _route(self, route) -> None:
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def open(self, path: Path):
        page = self.context.new_page()
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(path.resolve().as_uri())
        # a selector, not wait_for_function: polling a JS predicate runs eval() in the page,
        # which the page's own content security policy (rightly) refuses
        page.wait_for_selector("body[data-drawn='true']", state="attached", timeout=120_000)
        return page

    def check_clean(self) -> None:
        assert self.blocked == [], f"the page made network requests: {self.blocked}"
        assert self.errors == [], f"script errors: {self.errors}"
        assert self.dialogs == [], f"the page opened dialogs: {self.dialogs}"


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    chromium_path()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        session = Browser(playwright, tmp_path_factory.mktemp("chromium-profile"))
        yield session
        session.context.close()


@pytest.fixture(autouse=True)
def _clean_browser(request):
    yield
    if "browser" in request.fixturenames:
        session = request.getfixturevalue("browser")
        try:
            session.check_clean()
        finally:
            session.blocked.clear()
            session.errors.clear()
            session.dialogs.clear()


def _visible_edges(page) -> list[dict]:
    return page.evaluate(
        "graphx.edges.get({filter: e => !e.hidden}).map(e => ({id: e.id, relation: e.relation}))"
    )


def _click_edge(page, edge_id: str) -> None:
    """Click the middle of a straight edge on the canvas, as a person would."""
    point = page.evaluate(
        """id => {
            const e = graphx.edges.get(id);
            const p = graphx.network.getPositions([e.from, e.to]);
            const mid = {x: (p[e.from].x + p[e.to].x) / 2, y: (p[e.from].y + p[e.to].y) / 2};
            const dom = graphx.network.canvasToDOM(mid);
            const box = document.getElementById('network').getBoundingClientRect();
            return {x: box.left + dom.x, y: box.top + dom.y};
        }""",
        edge_id,
    )
    page.mouse.click(point["x"], point["y"])


def _store_edge_count(store) -> int:
    return sum(count for name, count in store.counts().items() if name.isupper())


def test_view_in_a_real_browser(corpus_store, browser, tmp_path):
    page_file = write_view(build_view(corpus_store), tmp_path / "view.html")
    page = browser.open(page_file)
    graph = read_network(corpus_store)
    nodes, edges = page.evaluate("[graphx.nodes.length, graphx.edges.length]")
    assert edges == _store_edge_count(corpus_store) == graph.number_of_edges()
    assert nodes == graph.number_of_nodes()
    assert page.evaluate("graphx.network.physics.physicsEnabled") is False  # frozen

    everything = _visible_edges(page)
    page.click("input[data-relation=strikes]")
    shown = _visible_edges(page)
    strikes = {e["id"] for e in everything if e["relation"] == "strikes"}
    assert strikes and {e["id"] for e in shown} == {e["id"] for e in everything} - strikes
    page.click("input[data-relation=strikes]")
    assert len(_visible_edges(page)) == len(everything)

    # an edge with no parallel edge is drawn straight: click its middle, read its evidence
    edge = page.evaluate(
        "graphx.edges.get().find(e => e.from === 'us' && e.to === 'qassem_soleimani')"
    )
    assert edge["relation"] == "strikes" and edge["mentions"] == 3
    assert edge["smooth"] == {"enabled": False}  # alone between the two: a straight line
    _click_edge(page, edge["id"])
    heading = page.text_content("#panel-heading")
    assert heading == "United States → strikes → Qassem Soleimani"
    panel = page.text_content("#panel-body")
    sentences = corpus_store.query(
        "MATCH (m:Mention) WHERE m.source_id = 'us' AND m.target_id = 'qassem_soleimani' "
        "AND m.relation = 'strikes' RETURN m.sentence AS s"
    ).rows
    assert len(sentences) == 3
    for (sentence,) in sentences:
        assert sentence in panel
    assert "3 mention(s), 2020-01-03 to 2020-01-06" in panel


def test_filters_search_and_highlight(corpus_store, browser, tmp_path):
    page = browser.open(write_view(build_view(corpus_store), tmp_path / "view.html"))
    page.fill("#date-from", "2024")
    page.press("#date-from", "Enter")
    dated = page.evaluate("graphx.edges.get({filter: e => !e.hidden}).map(e => e.dates)")
    assert dated and all(any(d >= "2024" for d in dates) for dates in dated)
    page.fill("#date-from", "not a date")
    page.press("#date-from", "Enter")
    assert "invalid" in page.get_attribute("#date-from", "class")
    page.fill("#date-from", "")
    page.press("#date-from", "Enter")

    page.fill("#search", "Kataib Hezbollah")
    page.press("#search", "Enter")
    assert page.evaluate("graphx.network.getSelectedNodes()") == ["kataib_hezbollah"]
    assert page.text_content("#panel-heading") == "Kataib Hezbollah"
    dimmed = page.evaluate(
        """(() => {
            const near = new Set(graphx.network.getConnectedNodes('kataib_hezbollah'));
            near.add('kataib_hezbollah');
            return graphx.nodes.get().filter(n => typeof n.color === 'string' &&
                n.color.startsWith('rgba(200')).map(n => n.id).filter(id => near.has(id));
        })()"""
    )
    assert dimmed == []  # the neighbourhood stays lit
    others = page.evaluate(
        "graphx.nodes.get().filter(n => String(n.color).startsWith('rgba(200')).length"
    )
    assert others > 0


PAYLOAD_SENTENCE = (
    "Militia X attacked <script>window.__pwned = 1</script> the base "
    '<img src=x onerror="window.__pwned = 2"> at dawn.'
)


def test_evidence_and_names_are_text_never_markup(browser, tmp_path):
    from graphx.store import open_store
    from graphx.store.loading import load_mentions

    hostile = {
        "id": "provisional:x",
        "name": '<img src=x onerror="window.__pwned=3">',
        "type": "armed_group",
        "provisional": True,
        "span": [0, 8],
        "text": "Militia X",
    }
    record = {
        "doc": "hostile<doc>",
        "relation": "strikes",
        "source": hostile,
        "target": {
            "id": "us",
            "name": "United States",
            "type": "state",
            "span": [60, 64],
            "text": "base",
        },
        "sentence": PAYLOAD_SENTENCE,
        "sentence_span": [0, len(PAYLOAD_SENTENCE)],
        "date": "2024-01-28",
        "claimed_by": None,
        "confidence": 0.9,
        "rule": "test",
    }
    mentions = tmp_path / "hostile.jsonl"
    mentions.write_text(json.dumps(record) + "\n", encoding="utf-8")
    with open_store(db=str(tmp_path / "hostile.lbdb")) as store:
        load_mentions(store, str(mentions))
        view = build_view(store, title="<script>window.__pwned = 4</script> & co")
    page = browser.open(write_view(view, tmp_path / "hostile.html"))
    assert page.evaluate("window.__pwned") is None
    assert page.text_content("#title") == "<script>window.__pwned = 4</script> & co"
    edge_id = page.evaluate("graphx.edges.get()[0].id")
    _click_edge(page, edge_id)
    panel = page.text_content("#panel-body")
    assert PAYLOAD_SENTENCE in panel  # shown literally
    assert page.text_content("#panel-heading").startswith('<img src=x onerror="window.__pwned=3">')
    assert page.evaluate("document.querySelectorAll('#panel img, #panel script').length") == 0
    assert page.evaluate("window.__pwned") is None


class _ExternalReferences(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.found += [
            f"<{tag} {name}={value}>" for name, value in attrs if name in ("src", "href") and value
        ]


def test_cli_view_writes_one_self_contained_file(tmp_path, corpus_mentions):
    db = str(tmp_path / "g.lbdb")
    assert run_graphx("load", str(corpus_mentions), "-q", "--db", db).returncode == 0
    out = tmp_path / "ego.html"
    result = run_graphx(
        "view",
        "--db",
        db,
        "--actor",
        "KH",
        "--hops",
        "1",
        "--relation",
        "strikes,supports,part_of",
        "-o",
        str(out),
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith(f"{out}: ")
    html = out.read_text(encoding="utf-8")
    parser = _ExternalReferences()
    parser.feed(html)
    assert parser.found == []
    data = json.loads(html.split('id="graph-data">', 1)[1].split("</script>", 1)[0])
    assert {e["relation"] for e in data["edges"]} <= {"strikes", "supports", "part_of"}
    assert "kataib_hezbollah" in {n["id"] for n in data["nodes"]}
    unknown = run_graphx("view", "--db", db, "--actor", "Nobody At All", "-o", str(out))
    assert unknown.returncode == 1 and unknown.stderr.startswith("Error: no actor named")


def _random_graph(actors: int, edges: int, relation: str, seed: int) -> nx.MultiDiGraph:
    generated = nx.gnm_random_graph(actors, edges, seed=seed, directed=True)
    graph = nx.MultiDiGraph()
    for source, target in generated.edges():
        graph.add_edge(
            f"a{source}",
            f"a{target}",
            key=relation,
            relation=relation,
            count=1,
            weight=-4.0,
            first_date="2021-01-01",
            last_date="2021-01-01",
            kb=False,
        )
    for node in graph.nodes:
        graph.nodes[node].update(name=f"Actor {node}", type="armed_group")
    return graph


def test_large_graphs_get_precomputed_positions(browser, tmp_path):
    size = PHYSICS_LIMIT + 200
    graph = _random_graph(size, size * 3, "opposes", seed=3)
    view = render_view(graph, {})
    assert view.physics is False
    page = browser.open(write_view(view, tmp_path / "large.html"))
    counts = page.evaluate("[graphx.nodes.length, graphx.edges.length]")
    assert counts == [graph.number_of_nodes(), graph.number_of_edges()]
    assert page.evaluate("graphx.nodes.get().every(n => typeof n.x === 'number')")
    assert page.evaluate("graphx.edges.get().every(e => !e.label)")
    assert page.evaluate("graphx.network.physics.physicsEnabled") is False


def test_selection_of_the_view(corpus_store):
    view = build_view(corpus_store, Selection(relations=("strikes",), min_count=2))
    data = json.loads(view.html.split('id="graph-data">', 1)[1].split("</script>", 1)[0])
    assert data["edges"] and all(
        e["relation"] == "strikes" and e["mentions"] >= 2 for e in data["edges"]
    )


def test_very_large_views_warn(monkeypatch):
    import graphx.serve.view

    monkeypatch.setattr(graphx.serve.view, "WARN_LIMIT", 40)
    graph = _random_graph(60, 120, "supports", seed=5)
    view = render_view(graph, {})
    assert len(view.warnings) == 1
    assert view.warnings[0].startswith(f"{graph.number_of_nodes()} actors: the page may be slow")
