"""A state's forces and government bodies roll up to the state: "US forces", "American troops"
and the United States are one row of `most_attacked` and one node with `--rollup`, while armed
groups, legislatures and people keep their own rows. Both stores."""

from __future__ import annotations

import json
from pathlib import Path

from graphx.extraction.kb import load_knowledge_base
from graphx.serve.network import Selection, read_network
from graphx.serve.queries import prepare_query
from graphx.store.loading import build

from ..conftest import run_graphx

# Written for these tests: three ways of naming the United States as a target, one militia
# that stays a militia, and a parliament that stays a parliament.
ATTACKS = {
    "a.txt": "BAGHDAD, March 3, 2021\n"
    "Kataib Hezbollah fired rockets at US forces near the airport.\n",
    "b.txt": "ANBAR, April 9, 2021\n"
    "Asaib Ahl al-Haq attacked American troops at a base in Anbar.\n",
    "c.txt": "TEHRAN, May 2, 2021\nIran fired missiles at the United States on Sunday.\n",
    "d.txt": "BAGHDAD, June 1, 2021\n"
    "The Iraqi Parliament voted against the presence of US troops.\n",
}


def _corpus(root: Path) -> Path:
    for name, text in ATTACKS.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_the_knowledge_base_rolls_up_organs_of_a_state_only():
    kb = load_knowledge_base()
    assert kb.get("us_military").type == "state_forces"
    assert {kb.rollup(a) for a in ("us_military", "us_army", "centcom", "pentagon")} == {"us"}
    assert kb.rollup("quds_force") == "iran" and kb.rollup("iraqi_army") == "iraq"
    # must not: a militia, a coalition member, a legislature or a person becomes a state
    for actor in ("kataib_hezbollah", "pmf", "hezbollah", "houthis", "iraqi_parliament"):
        assert kb.rollup(actor) == actor, actor
    assert kb.get("kataib_hezbollah").type == "armed_group"


def test_most_attacked_counts_the_united_states_once(store, tmp_path: Path):
    build(store, [str(_corpus(tmp_path))])
    rolled = prepare_query("most_attacked", {}).run(store).records()  # rolls up by default
    rows = {r["target"]: r for r in rolled}
    assert rows["United States"]["documents"] == 3
    assert rows["United States"]["attackers"] == 3
    assert "US military" not in rows
    kept_apart = prepare_query("most_attacked", {"rollup": "false"}).run(store).records()
    apart = {r["target"] for r in kept_apart}
    assert {"US military", "United States"} <= apart


def test_a_rolled_up_network_folds_forces_into_their_state(store, tmp_path: Path):
    build(store, [str(_corpus(tmp_path))])
    graph = read_network(store, Selection(rollup=True))
    assert "us" in graph and "us_military" not in graph
    assert "US military" in graph.nodes["us"]["rolled_up"]
    attackers = {s for s, t, key in graph.edges(keys=True) if key == "strikes" and t == "us"}
    assert {"kataib_hezbollah", "asaib_ahl_al_haq", "iran"} <= attackers
    # the parliament and the militias keep their own nodes
    assert {"iraqi_parliament", "kataib_hezbollah"} <= set(graph)
    strikes = graph.edges["kataib_hezbollah", "us", "strikes"]
    assert (strikes["mentions"], strikes["documents"]) == (1, 1)
    # the Pentagon's membership in the United States is no edge once both are the state
    assert not graph.has_edge("us", "us")
    plain = read_network(store)
    assert "us_military" in plain and not plain.nodes["us_military"].get("rolled_up")


def test_rollup_option_on_stats_and_export(tmp_path: Path):
    db = str(tmp_path / "g.lbdb")
    assert run_graphx("build", str(_corpus(tmp_path)), "--db", db, "-q").returncode == 0
    out = tmp_path / "edges"
    done = run_graphx("export", "--db", db, "--format", "csv", "--rollup", "-o", str(out))
    assert done.returncode == 0, done.stderr
    nodes = (out / "nodes.csv").read_text(encoding="utf-8")
    assert "United States" in nodes and "US military" not in nodes
    stats = run_graphx("stats", "--db", db, "--rollup", "--format", "json")
    assert stats.returncode == 0, stats.stderr
    names = {c["name"] for c in json.loads(stats.stdout)["centrality"]}
    assert "United States" in names and "US military" not in names


def test_rolled_up_evidence_and_events_come_from_the_folded_actors(store, tmp_path: Path):
    from graphx.serve.export import read_events
    from graphx.serve.view import edge_mentions

    build(store, [str(_corpus(tmp_path))])
    selection = Selection(rollup=True)
    graph = read_network(store, selection)
    evidence = edge_mentions(store, graph, selection)
    # the sentence names "US forces"; the rolled-up edge is the United States'
    [row] = evidence[("kataib_hezbollah", "strikes", "us")]
    assert "US forces" in row["sentence"]
    assert not any("us_military" in key for key in evidence)
    events = read_events(store, graph, selection)
    targets = {(e["source_id"], e["target_id"]) for e in events if e["relation"] == "strikes"}
    assert {("kataib_hezbollah", "us"), ("asaib_ahl_al_haq", "us"), ("iran", "us")} <= targets
    assert not any("us_military" in pair for pair in targets)
