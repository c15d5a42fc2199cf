"""The bulk export (graphx.store.bulk) writes what Neo4j's import tool reads: header and data
files per label and type, strings quoted (an empty string stays one, an absent value is an empty
field), typed numbers and booleans, arrays joined with U+001F, and the command that imports
them, quoted for the shell (unit tier: a small knowledge base, no import tool, no store; the
real import is tests/e2e/test_bulk_import.py)."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Any

import pytest

from graphx.errors import ExportError
from graphx.extraction.kb import KnowledgeBase, _Builder
from graphx.models import Actor, ActorMention, Document, RelationMention
from graphx.store import bulk
from graphx.store.bulk import export_relations
from graphx.store.rows import EDGE_LABELS

from .relations import relation, said


def _kb() -> KnowledgeBase:
    builder = _Builder()
    builder.add_file(
        "data/kb/test.yaml",
        "states:\n"
        "  - {id: narnia, name: Narnia, demonyms: [Narnian]}\n"
        "actors:\n"
        "  - {id: narnia_army, name: Narnian Army, type: state_forces, parents: [narnia],"
        " aliases: [NA, 'The \"Army\"'], wikidata: Q42}\n"
        "  - {id: lion_militia, name: Lion Militia, type: armed_group, parents: [narnia_army]}\n",
    )
    return builder.build()


def _relation(doc: str = "d1", **changes: Any) -> RelationMention:
    """The shared test relation, aimed at a border post (an actor the small base lacks)."""
    return relation(doc, "border_post", **changes)


def parse_csv(text: str) -> list[list[str | None]]:
    """Fields as the import tool reads them: an unquoted empty field is None (no property), a
    quoted one the string inside ("" doubled quotes one), which may span lines."""
    rows: list[list[str | None]] = []
    row: list[str | None] = []
    i, n = 0, len(text)
    while i < n:
        if text[i] == '"':
            j, value = i + 1, []
            while True:
                if text[j] == '"' and j + 1 < n and text[j + 1] == '"':
                    value.append('"')
                    j += 2
                elif text[j] == '"':
                    break
                else:
                    value.append(text[j])
                    j += 1
            row.append("".join(value))
            i = j + 1
        else:
            j = i
            while j < n and text[j] not in ",\n":
                j += 1
            row.append(text[i:j] or None)
            i = j
        if i < n and text[i] == ",":
            i += 1
            if i == n or text[i] == "\n":
                row.append(None)
        if i < n and text[i] == "\n":
            rows.append(row)
            row = []
            i += 1
    return rows


def _table(folder: Path, name: str) -> list[dict[str, str | None]]:
    header = (folder / f"{name}-header.csv").read_text(encoding="utf-8").strip().split(",")
    return [
        dict(zip(header, row, strict=True))
        for row in parse_csv((folder / f"{name}.csv").read_text(encoding="utf-8"))
    ]


@pytest.fixture
def exported(tmp_path: Path) -> tuple[Path, bulk.BulkExport]:
    relations = [
        _relation("d1"),
        _relation("d1", sentence='He said "no",\nthen left.', date=None, negated=False),
        _relation("d2", date="2024-01-05", claimed_by=said("narnia_army", 40)),
        _relation("d2", relation="supports", negated=True),
    ]
    documents = [Document(id="d2", text="", source="t", title="", outlet="news.example")]
    folder = tmp_path / "out dir's"
    return folder, export_relations(relations, folder, documents, kb=_kb())


def test_every_label_and_type_has_a_header_and_a_data_file(exported) -> None:
    folder, export = exported
    assert set(export.nodes) == {"Actor", "Document", "Mention", "GraphxState"}
    assert set(export.relationships) == {
        "IN_DOCUMENT",
        "SOURCE",
        "TARGET",
        "CLAIMED_BY",
        *EDGE_LABELS.values(),
    }
    assert (folder / "actors-header.csv").read_text().startswith("id:ID(Actor),name:string,")
    assert "aliases:string[]" in (folder / "actors-header.csv").read_text()
    assert (folder / "strikes-header.csv").read_text().strip() == (
        ":START_ID(Actor),:END_ID(Actor),mentions:long,documents:long,sources:long,"
        "first_date:string,last_date:string,weight:double,kb:boolean"
    )
    mentions_header = (folder / "mentions-header.csv").read_text()
    assert "source_start:long" in mentions_header and "confidence:double" in mentions_header
    assert export.nodes == {"Actor": 4, "Document": 2, "Mention": 4, "GraphxState": 2}
    assert export.relationships["IN_DOCUMENT"] == 4 and export.relationships["CLAIMED_BY"] == 1


def test_values_keep_their_type_and_absent_ones_stay_absent(exported) -> None:
    folder, _ = exported
    mentions = {row["id:ID(Mention)"]: row for row in _table(folder, "mentions")}
    quoted = next(row for row in mentions.values() if row["sentence:string"].startswith("He"))
    assert quoted["sentence:string"] == 'He said "no",\nthen left.'
    assert quoted["date:string"] is None and quoted["claimed_by:string"] is None
    assert quoted["confidence:double"] == "0.8" and quoted["negated:boolean"] == "false"
    documents = {row["id:ID(Document)"]: row for row in _table(folder, "documents")}
    assert documents["d2"]["title:string"] == ""  # an empty string, not no title
    assert documents["d1"]["title:string"] is None
    actors = {row["id:ID(Actor)"]: row for row in _table(folder, "actors")}
    assert actors["narnia_army"]["aliases:string[]"] == 'NA\x1fThe "Army"'
    assert actors["border_post"]["aliases:string[]"] is None
    assert actors["narnia"]["provisional:boolean"] == "false"
    assert {row["id:ID(GraphxState)"] for row in _table(folder, "graphx-state")} == {
        "graph-model-2",
        "load",
    }


def test_edges_count_what_the_online_loader_counts(exported) -> None:
    folder, _ = exported
    strikes = _table(folder, "strikes")
    assert len(strikes) == 1
    edge = strikes[0]
    assert (edge[":START_ID(Actor)"], edge[":END_ID(Actor)"]) == ("lion_militia", "border_post")
    # three stated mentions in two documents, one of them with an outlet; undated ones ignored
    assert (edge["mentions:long"], edge["documents:long"], edge["sources:long"]) == ("3", "2", "1")
    assert (edge["first_date:string"], edge["last_date:string"]) == ("2024-01-05", "2024-03-01")
    assert edge["weight:double"] == "-10.0" and edge["kb:boolean"] == "false"
    assert _table(folder, "supports") == []  # negated: counts nowhere
    part_of = {(e[":START_ID(Actor)"], e[":END_ID(Actor)"]) for e in _table(folder, "part_of")}
    assert part_of == {("lion_militia", "narnia_army"), ("narnia_army", "narnia")}


def test_the_command_is_quoted_for_the_shell(exported) -> None:
    folder, export = exported
    command = export.command()
    words = shlex.split(command)
    assert words[:3] == ["cd", str(folder.resolve()), "&&"]
    assert words[3:8] == ["neo4j-admin", "database", "import", "full", "neo4j"]
    assert "--nodes=Actor=actors-header.csv,actors.csv" in words
    assert "--multiline-fields=true" in words  # a sentence spans two lines
    assert (folder / "import.args").read_text().splitlines() == export.options
    script = (folder / "import.sh").read_text()
    assert '"$@"' in script and "--array-delimiter=U+001F" in script
    assert command in (folder / "README").read_text()


def test_a_folder_with_something_in_it_is_refused(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("mine")
    with pytest.raises(ExportError, match="not empty"):
        export_relations([_relation()], tmp_path, kb=_kb())
    assert [p.name for p in tmp_path.iterdir()] == ["keep.txt"]


def test_an_actor_named_in_two_batches_keeps_the_later_name(tmp_path: Path, monkeypatch) -> None:
    """As the online loader's later transaction overwrites the earlier one's row."""
    monkeypatch.setattr(bulk, "BATCH_SIZE", 1)
    relations = [
        _relation("d1", target=said("border_post", 20, name="Border Post")),
        _relation("d2", target=said("border_post", 20, name="the border post")),
    ]
    export_relations(relations, tmp_path / "out", kb=_kb())
    actors = {row["id:ID(Actor)"]: row for row in _table(tmp_path / "out", "actors")}
    assert actors["border_post"]["name:string"] == "the border post"


def test_a_failed_export_leaves_nothing_behind(tmp_path: Path) -> None:
    relation = _relation(target=said("border_post", 20))
    named = Actor(id="odd", name="Odd", type="provisional", aliases=("a\x1fb",))
    odd = RelationMention(**{**relation.__dict__, "source": ActorMention(named, 0, 4, "Odd")})
    with pytest.raises(ExportError, match="array delimiter"):
        export_relations([odd], tmp_path / "out", kb=_kb())
    assert not (tmp_path / "out").exists()


def test_a_missing_input_is_named_before_anything_is_written(tmp_path: Path) -> None:
    from graphx.errors import InputError
    from graphx.store.bulk import bulk_export

    with pytest.raises(InputError, match="no such file"):
        bulk_export([str(tmp_path / "gone.jsonl")], tmp_path / "out")
    assert not (tmp_path / "out").exists()
