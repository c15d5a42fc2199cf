"""The knowledge base in extraction and through the CLI: a name taken over by a user actor is
found in text as that actor, and knowledge-base warnings print once (the pure knowledge-base
tests are in tests/unit/test_knowledge_base.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graphx.extraction.kb import load_knowledge_base


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


FOO = "  - {id: foo_brigade, name: Foo Brigade, type: armed_group, aliases: [KH, Washington]"


@pytest.mark.parametrize("how", ["override file", "takes_over"])
def test_taking_over_a_name_gives_it_to_the_user_actor(tmp_path: Path, extractor, how):
    from graphx.extraction.pipeline import Extractor
    from graphx.models import Document

    if how == "override file":
        kb = load_knowledge_base([], [_write(tmp_path, "user.yaml", f"actors:\n{FOO}}}\n")])
    else:
        path = _write(tmp_path, "user.yaml", f"actors:\n{FOO}, takes_over: [kh, WASHINGTON]}}\n")
        kb = load_knowledge_base([path])
    # how find() moves the name is tests/unit/test_knowledge_base.py's; here, extraction
    custom = Extractor(kb=kb, nlp=extractor.nlp)
    found = custom.extract(
        Document(id="t", text="KH fired rockets at Iraqi forces.", source="test")
    )
    assert {r.source.actor.id for r in found} == {"foo_brigade"}
    assert "kataib_hezbollah" not in {r.source.actor.id for r in found}


def test_cli_override_gives_the_name_and_warnings_print_once_with_jobs(tmp_path: Path):
    from ..conftest import run_graphx

    user = _write(tmp_path, "user.yaml", f"actors:\n{FOO}}}\n")
    news = tmp_path / "news"
    news.mkdir()
    (news / "one.txt").write_text("KH fired rockets at Iraqi forces.\n", encoding="utf-8")
    (news / "two.txt").write_text("Washington condemned Iran.\n", encoding="utf-8")

    def sources(*options: str) -> tuple[dict[str, set[str]], list[str]]:
        result = run_graphx(
            "extract", str(news), "-q", "--jobs", "2", *options, check=True, subprocess=True
        )
        by_sentence: dict[str, set[str]] = {}
        for line in result.stdout.splitlines():
            record = json.loads(line)
            by_sentence.setdefault(record["sentence"], set()).add(record["source"]["id"])
        return by_sentence, result.stderr.splitlines()

    kept, stderr = sources("--kb", str(user))
    assert kept == {
        "KH fired rockets at Iraqi forces.": {"kataib_hezbollah"},
        "Washington condemned Iran.": {"us"},
    }
    assert len(stderr) == 2
    assert stderr[0].startswith(f"Warning: {user}: actors[0] (id 'foo_brigade'): alias 'KH'")
    assert stderr[1].startswith(f"Warning: {user}: actors[0] (id 'foo_brigade'): alias 'Wash")

    taken, stderr = sources("--kb-override", str(user))
    assert taken == {
        "KH fired rockets at Iraqi forces.": {"foo_brigade"},
        "Washington condemned Iran.": {"foo_brigade"},
    }
    assert stderr == []


def test_cli_load_prints_kb_warnings_once(tmp_path: Path):
    from ..conftest import run_graphx

    user = _write(tmp_path, "user.yaml", f"actors:\n{FOO}}}\n")
    mentions = _write(tmp_path, "none.jsonl", "")
    db = str(tmp_path / "graph.lbdb")
    result = run_graphx("load", str(mentions), "--db", db, "-q", "--kb", str(user), check=True)
    assert [line.split(": alias ")[1][:4] for line in result.stderr.splitlines()] == [
        "'KH'",
        "'Was",
    ]
    assert all(line.startswith("Warning: ") for line in result.stderr.splitlines())
