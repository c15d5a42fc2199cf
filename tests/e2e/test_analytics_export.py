"""Network analytics (networkx) and exports (GraphML, GEXF, node-link JSON, CSV)."""

from __future__ import annotations

import csv
import json

import networkx as nx
import pytest

from graphx.serve.analytics import compute_stats, signed_weights
from graphx.serve.export import export_graph
from graphx.serve.network import Selection, read_network

from ..conftest import run_graphx


def _graph(edges: list[tuple[str, str, str, int, float]]) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for source, relation, target, count, weight in edges:
        graph.add_edge(
            source,
            target,
            key=relation,
            relation=relation,
            mentions=count,
            documents=count,
            sources=1,
            weight=weight,
            first_date="2020-01-01",
            last_date="2021-01-01",
            kb=False,
        )
    for node in graph.nodes:
        graph.nodes[node].update(name=node.upper(), type="armed_group")
    return graph


def test_signed_network_finds_camps_unbalanced_triads_and_enemies_of_enemies():
    graph = _graph(
        [
            ("a", "supports", "b", 2, 6.0),
            ("b", "supports", "c", 1, 6.0),
            ("a", "strikes", "c", 1, -10.0),  # A supports B, B supports C, A strikes C
            ("x", "supports", "y", 3, 6.0),
            ("y", "strikes", "a", 2, -10.0),
            ("x", "opposes", "b", 1, -4.0),
            ("d", "strikes", "y", 1, -10.0),
        ]
    )
    assert signed_weights(graph)[frozenset(("a", "c"))] == -10.0
    stats = compute_stats(graph)
    assert {"actors": ["a", "b", "c"], "pairs": {"a~b": 12.0, "b~c": 6.0, "a~c": -10.0}} in (
        stats.unbalanced_triads
    )
    camps = [set(camp.members) for camp in stats.camps]
    assert {"x", "y"} in camps
    assert any(camp >= {"a", "b"} for camp in camps)
    assert stats.hostility_between_camps and all(
        r["weight"] < 0 for r in stats.hostility_between_camps
    )
    pairs = {(r["a"], r["b"]): r for r in stats.enemies_of_enemies}
    assert pairs[("a", "d")]["common_enemies"] == ["y"]  # both fight y, unrelated so far
    assert pairs[("a", "d")]["stance"] == "unrelated"


def test_centrality_on_the_corpus(corpus_store):
    stats = compute_stats(read_network(corpus_store), top=10)
    assert len(stats.centrality) == 10
    ranks = [c.pagerank for c in stats.centrality]
    assert ranks == sorted(ranks, reverse=True)
    assert {"us", "kataib_hezbollah"} & {c.id for c in stats.centrality}
    assert stats.communities and all(len(c) > 1 for c in stats.communities)
    assert stats.actors == corpus_store.counts()["actors"] - _isolated(corpus_store)


def _isolated(store) -> int:
    linked = {
        row[0]
        for row in store.query("MATCH (a:Actor)-[e]-(b:Actor) RETURN DISTINCT a.id AS id").rows
    }
    return len({row[0] for row in store.query("MATCH (a:Actor) RETURN a.id AS id").rows} - linked)


def test_selection_narrows_the_graph(corpus_store):
    whole = read_network(corpus_store)
    strikes = read_network(corpus_store, Selection(relations=("strikes",)))
    assert 0 < strikes.number_of_edges() < whole.number_of_edges()
    assert {r for _, _, r in strikes.edges(keys=True)} == {"strikes"}
    ego = read_network(corpus_store, Selection(actor="kataib_hezbollah", hops=1))
    neighbours = set(nx.all_neighbors(whole, "kataib_hezbollah")) | {"kataib_hezbollah"}
    assert set(ego.nodes) == neighbours  # the actor, its neighbours and the ties among them
    dated = read_network(corpus_store, Selection(since="2024", until="2024"))
    assert dated.number_of_edges() and all(
        d["first_date"].startswith("2024") and d["last_date"].startswith("2024")
        for _, _, d in dated.edges(data=True)
    )
    frequent = read_network(corpus_store, Selection(min_count=2))
    assert all(d["mentions"] >= 2 for _, _, d in frequent.edges(data=True))


def _store_edges(store) -> int:
    return sum(v for k, v in store.counts().items() if k.isupper())


@pytest.mark.parametrize("output_format", ["graphml", "gexf", "json", "csv"])
def test_exports_hold_the_store_graph(corpus_store, tmp_path, output_format):
    graph = read_network(corpus_store)
    assert graph.number_of_edges() == _store_edges(corpus_store)
    target = tmp_path / f"graph.{output_format}"
    written = export_graph(graph, output_format, target)
    if output_format == "graphml":
        back = nx.read_graphml(written[0])
    elif output_format == "gexf":
        back = nx.read_gexf(written[0])
    elif output_format == "json":
        back = nx.node_link_graph(json.loads(written[0].read_text(encoding="utf-8")), edges="links")
    else:
        nodes, edges = (list(csv.DictReader(p.open(encoding="utf-8"))) for p in written)
        assert len(nodes) == graph.number_of_nodes() and len(edges) == graph.number_of_edges()
        strikes = [e for e in edges if e["source"] == "us" and e["target"] == "qassem_soleimani"]
        assert strikes[0]["relation"] == "strikes" and strikes[0]["mentions"] == "3"
        return
    assert back.number_of_nodes() == graph.number_of_nodes()
    assert back.number_of_edges() == graph.number_of_edges()
    found = [
        d
        for s, t, d in back.edges(data=True)
        if (s, t) == ("us", "qassem_soleimani") and d["relation"] == "strikes"
    ]
    assert found and found[0]["mentions"] == 3 and found[0]["cooperation"] == -10.0
    assert found[0]["weight"] == found[0]["documents"] > 0
    assert found[0]["first_date"] == "2020-01-03" and isinstance(found[0]["mentions"], int)
    assert back.nodes["us"]["type"] == "state"


def test_cli_stats_and_export(tmp_path, corpus_mentions):
    db = str(tmp_path / "g.lbdb")
    assert run_graphx("load", str(corpus_mentions), "-q", "--db", db).returncode == 0
    result = run_graphx("stats", "--db", db, "--format", "json", "--top", "5")
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)["centrality"]) == 5
    out = tmp_path / "g.gexf"
    result = run_graphx(
        "export", "--format", "gexf", "-o", str(out), "--db", db, "--relation", "strikes"
    )
    assert result.returncode == 0, result.stderr
    assert {d["relation"] for _, _, d in nx.read_gexf(out).edges(data=True)} == {"strikes"}
    bad = run_graphx(
        "export", "--format", "json", "-o", str(out), "--db", db, "--relation", "bombs"
    )
    assert bad.returncode == 2 and bad.stderr.startswith("Error: unknown relation type 'bombs'")
    bad = run_graphx("stats", "--db", db, "--since", "last year")
    assert bad.returncode == 2 and "--since 'last year'" in bad.stderr
