"""`explain` shows what extraction saw in a text: actors, the rules that fired, and each
reading refused with its reason. Sentences written for these tests, through the real model."""

from __future__ import annotations

from graphx.extraction.explain import explain


def _triples(readings):
    return {(r.source, r.relation, r.target, r.reason) for r in readings}


def test_kept_readings_name_their_rule_date_and_actors(extractor):
    result = explain("Iran-backed militias attacked US forces on Tuesday.", "2024-02-01", extractor)
    assert [m.actor_id for m in result.mentions] == ["iran_backed_militias", "us_military"]
    kept = {(r.source, r.relation, r.target, r.rule) for r in result.kept}
    assert ("Iran", "supports", "Iran-backed militias", "prefix") in kept
    assert ("Iran-backed militias", "strikes", "US military", "verb") in kept
    strike = next(r for r in result.kept if r.relation == "strikes")
    assert strike.date == "2024-01-30"  # the Tuesday before the document's date
    assert not result.refused


def test_refused_readings_say_why(extractor):
    result = explain(
        "Kataib Hezbollah did not attack Iran. Iraq has joined Kataib Hezbollah. "
        "US forces supported the United States.",
        "2024-02-01",
        extractor,
    )
    refused = _triples(result.refused)
    assert ("Kataib Hezbollah", "strikes", "Iran", "negated or speculative") in refused
    assert ("Iraq", "part_of", "Kataib Hezbollah", "wrong for the actors' types") in refused
    assert any(r.relation == "supports" and "organ of" in r.reason for r in result.refused)
    assert not result.kept  # nothing of it reaches the graph
    report = result.text(parse=False)
    assert "refused: negated or speculative" in report and "+ " not in report


def test_a_sentence_without_actors_says_so(extractor):
    result = explain("The weather was mild in the capital.", None, extractor)
    assert result.mentions == [] and result.readings == []
    assert "actors: none found" in result.text()
    assert "parse:" in result.text() and "weather" in result.text()
