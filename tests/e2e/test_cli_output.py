"""The exact output of a few commands on a small store built from sentences of our own: the
tables, the JSON, the one-line errors and their exit codes, and the extract/load summaries.

Rich pads table cells and wrapped lines with spaces; lines are compared without their trailing
spaces (invisible, and not something a reader relies on), everything else character for
character. The width is pinned (COLUMNS) and colour switched off, as on a pipe."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graphx.extraction.pipeline import EXIT_INPUT_FAILED, ExtractReport

from ..conftest import run_graphx

PLAIN = {
    "COLUMNS": "100",
    "FORCE_COLOR": None,
    "NO_COLOR": None,
    "TTY_COMPATIBLE": None,
    "TTY_INTERACTIVE": None,
}

NEWS = [
    {
        "id": "raid",
        "date": "2024-02-03",
        "title": "Strikes near Qaim",
        "outlet": "Desk One",
        "text": "US forces struck Kataib Hezbollah positions near Qaim on Saturday, "
        "officials said.\n",
    },
    {
        "id": "talks",
        "date": "2024-03-10",
        "title": "Envoys meet",
        "outlet": "Desk Two",
        "text": "Iran condemned the United States over the raids. Kataib Hezbollah attacked "
        "US forces with drones in Syria.\n",
    },
]


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("cli_output")
    news = folder / "news.jsonl"
    news.write_text("".join(json.dumps(item) + "\n" for item in NEWS), encoding="utf-8")
    store = str(folder / "small.lbdb")
    built = run_graphx("build", str(news), "--db", store)
    assert built.returncode == 0, built.stderr
    assert built.stdout == ""
    assert built.stderr.splitlines()[0] == (
        "2 documents: 3 mentions added, 0 removed, 0 unchanged; 7 edges added, 0 removed"
    )
    return store


def _lines(text: str) -> list[str]:
    return [line.rstrip() for line in text.splitlines()]


def _expected(block: str) -> list[str]:
    return block.removeprefix("\n").splitlines()


BETWEEN = """
                            Iran and United States
┏━━━━━━━━┳━━━━━━━━━━┳━━━━━━━━━━━━━━━┳━━━━━━━━━━━┳━━━━━━━━━━┳━━━━━━━━━━━━┳━━━━┓
┃ source ┃ relation ┃ target        ┃ documents ┃ mentions ┃ dates      ┃ kb ┃
┡━━━━━━━━╇━━━━━━━━━━╇━━━━━━━━━━━━━━━╇━━━━━━━━━━━╇━━━━━━━━━━╇━━━━━━━━━━━━╇━━━━┩
│ Iran   │ opposes  │ United States │ 1         │ 1        │ 2024-03-10 │    │
└────────┴──────────┴───────────────┴───────────┴──────────┴────────────┴────┘
                                              evidence
┏━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━┳━━━━━━━━━━━━┓
┃ date       ┃ relation                   ┃ sentence                    ┃ document    ┃ claimed by ┃
┡━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━╇━━━━━━━━━━━━┩
│ 2024-03-10 │ Iran → opposes → United    │ Iran condemned the United   │ Envoys meet │            │
│            │ States                     │ States over the raids.      │             │            │
└────────────┴────────────────────────────┴─────────────────────────────┴─────────────┴────────────┘
"""


def test_between_prints_both_tables(db: str) -> None:
    result = run_graphx("between", "Iran", "US", "--db", db, env=PLAIN)
    assert result.returncode == 0, result.stderr
    assert _lines(result.stdout) == _expected(BETWEEN)
    assert result.stderr == ""  # nothing else said, no warning, no progress


def test_between_in_process_is_what_a_user_sees(db: str) -> None:
    """The in-process runner changes nothing a user would see: the same bytes both ways."""
    fresh = run_graphx("between", "Iran", "US", "--db", db, env=PLAIN, subprocess=True)
    here = run_graphx("between", "Iran", "US", "--db", db, env=PLAIN)
    assert (fresh.returncode, fresh.stdout, fresh.stderr) == (0, here.stdout, "")
    assert "Kataib" not in here.stdout  # only the pair asked about


ACTOR = """
Kataib Hezbollah (kataib_hezbollah), armed_group
also: Kata'ib Hezbollah, Kata’ib Hezbollah, Kataeb Hezbollah, Kataib Hizbollah, Kata'ib Hizballah,
Kataib Hizballah, Kataeb Hizbollah, Kataib Hizbullah, KH, Hezbollah Brigades, Hizbollah Brigades,
Brigade 45, 45th Brigade
country: iraq
part of: Islamic Resistance in Iraq, Popular Mobilization Forces
                                     what it does
┏━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━┳━━━━━━━━━━━━━┳━━━━━━━━━━━┳━━━━━━━━━━┳━━━━━━━━━━━━┳━━━━┓
┃ source           ┃ relation ┃ target      ┃ documents ┃ mentions ┃ dates      ┃ kb ┃
┡━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━╇━━━━━━━━━━━━━╇━━━━━━━━━━━╇━━━━━━━━━━╇━━━━━━━━━━━━╇━━━━┩
│ Kataib Hezbollah │ strikes  │ US military │ 1         │ 1        │ 2024-03-10 │    │
└──────────────────┴──────────┴─────────────┴───────────┴──────────┴────────────┴────┘
                             2 more: --limit 0 shows all
                                  what is done to it
┏━━━━━━━━━━━━━┳━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━┳━━━━━━━━━━┳━━━━━━━━━━━━┳━━━━┓
┃ source      ┃ relation ┃ target           ┃ documents ┃ mentions ┃ dates      ┃ kb ┃
┡━━━━━━━━━━━━━╇━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━╇━━━━━━━━━━╇━━━━━━━━━━━━╇━━━━┩
│ US military │ strikes  │ Kataib Hezbollah │ 1         │ 1        │ 2024-02-03 │    │
└─────────────┴──────────┴──────────────────┴───────────┴──────────┴────────────┴────┘
                                            top evidence
┏━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━┳━━━━━━━━━━━━┓
┃ date       ┃ relation                   ┃ sentence                    ┃ document    ┃ claimed by ┃
┡━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━╇━━━━━━━━━━━━┩
│ 2024-03-10 │ Kataib Hezbollah → strikes │ Kataib Hezbollah attacked   │ Envoys meet │            │
│            │ → US military              │ US forces with drones in    │             │            │
│            │                            │ Syria.                      │             │            │
└────────────┴────────────────────────────┴─────────────────────────────┴─────────────┴────────────┘
"""


def test_actor_profile_with_limited_tables(db: str) -> None:
    result = run_graphx(
        "actor", "Kataib Hezbollah", "--evidence", "1", "--limit", "1", "--db", db, env=PLAIN
    )
    assert result.returncode == 0, result.stderr
    assert _lines(result.stdout) == _expected(ACTOR)
    assert "Qaim" not in result.stdout  # the second evidence sentence is cut by --evidence 1
    assert result.stderr == ""


WHO_STRIKES_WHOM = """[
 {
  "attacker": "Kataib Hezbollah",
  "target": "US military",
  "documents": 1,
  "mentions": 1,
  "sources": 1,
  "first_date": "2024-03-10",
  "last_date": "2024-03-10"
 },
 {
  "attacker": "US military",
  "target": "Kataib Hezbollah",
  "documents": 1,
  "mentions": 1,
  "sources": 1,
  "first_date": "2024-02-03",
  "last_date": "2024-02-03"
 }
]
"""


def test_library_query_as_json(db: str) -> None:
    result = run_graphx("query", "who_strikes_whom", "--format", "json", "--db", db, env=PLAIN)
    assert result.returncode == 0, result.stderr
    assert result.stdout == WHO_STRIKES_WHOM  # Iran opposes, it strikes no one: not listed
    assert result.stderr == ""


def test_queries_lists_the_library_without_a_store(tmp_path: Path) -> None:
    result = run_graphx("queries", env={**PLAIN, "GRAPHX_DB": str(tmp_path / "none.lbdb")})
    assert result.returncode == 0, result.stderr
    lines = _lines(result.stdout)
    assert lines[:3] == [
        "┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━"
        "┳━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━┓",
        "┃ query                          ┃ answers                        "
        "┃ parameters            ┃ stores ┃",
        "┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━"
        "╇━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━┩",
    ]
    # a query's first line: its name, the start of its summary, its parameters, its stores
    assert "│ shortest_chain                 │ The shortest chain of          │ a, b" in (
        result.stdout
    )
    assert (
        "│ most_attacked                  │ The most attacked actors:      "
        "│ limit=20, rollup=true │ both   │"
    ) in lines
    assert (
        "│ who_strikes_whom               │ Who strikes whom: every        "
        '│ since=""              │ both   │'
    ) in lines
    names = [line.split("│")[1].strip() for line in lines[3:-1] if line.split("│")[1].strip()]
    assert names == sorted(names) and len(names) == len(set(names)) >= 10
    assert lines[-1].startswith("└") and lines[-1].endswith("┘")
    assert not (tmp_path / "none.lbdb").exists()  # listing the library opens no store
    assert result.stderr == ""


# ----------------------------------------------------------------------------- errors
@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("actor", "Nobody"), 1, "Error: no actor named 'Nobody' in the store"),
        (
            ("actor", "Katab Hezbolah Brigade"),
            1,
            "Error: no actor named 'Katab Hezbolah Brigade'; "
            "did you mean Kataib Hezbollah (kataib_hezbollah)?",
        ),
        (
            ("between", "Iran", "Nobody"),
            1,
            "Error: no actor named 'Nobody' in the store",
        ),
        (
            ("stats", "--since", "yesterday"),
            2,
            "Error: --since 'yesterday': expected YYYY, YYYY-MM or YYYY-MM-DD",
        ),
        (
            ("view", "--until", "soon", "-o", "never.html"),
            2,
            "Error: --until 'soon': expected YYYY, YYYY-MM or YYYY-MM-DD",
        ),
    ],
)
def test_errors_are_one_line_and_an_exit_code(
    db: str, tmp_path: Path, monkeypatch, args: tuple[str, ...], code: int, message: str
) -> None:
    monkeypatch.chdir(tmp_path)  # where `view` would write its page
    result = run_graphx(*args, "--db", db, env=PLAIN)
    assert (result.returncode, result.stderr, result.stdout) == (code, message + "\n", "")
    assert not (tmp_path / "never.html").exists()


def test_a_missing_store_is_named_and_never_created(tmp_path: Path) -> None:
    missing = tmp_path / "none.lbdb"
    result = run_graphx("actor", "Iran", "--db", str(missing), env=PLAIN)
    assert result.returncode == 1
    assert result.stderr == f"Error: no graphx store at {missing}: run graphx build first\n"
    assert result.stdout == "" and not missing.exists()


def test_reset_without_yes_is_a_usage_error(db: str) -> None:
    result = run_graphx("reset", "--db", db, env=PLAIN)
    assert result.returncode == 2
    assert result.stderr == (
        "Usage: graphx reset [OPTIONS]\n"
        "Try 'graphx reset --help' for help.\n"
        "\n"
        "Error: reset deletes the whole store; add --yes to confirm\n"
    )
    kept = run_graphx(
        "query", "MATCH (a:Actor) RETURN count(a) AS n", "--format", "csv", "--db", db
    )
    assert kept.stdout.splitlines() == ["n", "7"]  # nothing was deleted


def test_debug_shows_the_traceback_instead_of_the_line(db: str) -> None:
    result = run_graphx("--debug", "actor", "Nobody", "--db", db, env=PLAIN)
    assert result.returncode == 1
    assert result.stderr.startswith("Traceback (most recent call last):")
    assert result.stderr.rstrip().endswith(
        "graphx.errors.ActorNotFound: no actor named 'Nobody' in the store"
    )
    assert "Error: no actor" not in result.stderr and result.stdout == ""


# ----------------------------------------------------------------------------- summaries
def test_extract_reports_failed_inputs_and_exits_3(tmp_path: Path) -> None:
    news = tmp_path / "news"
    news.mkdir()
    (news / "a_good.txt").write_text(
        "Iran condemned the United States over the raids.\n", encoding="utf-8"
    )
    (news / "b_bad.txt").write_bytes(b"\x00\x01\x02binary")
    result = run_graphx("extract", str(news), env=PLAIN)
    assert result.returncode == EXIT_INPUT_FAILED == 3
    assert result.stderr == (
        f"Error: {news / 'b_bad.txt'}: binary file, not text\n"
        "1 relations from 1 documents; 1 input(s) failed\n"
    )
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    found = (record["doc"], record["source"]["id"], record["relation"], record["target"]["id"])
    assert found == ("a_good", "iran", "opposes", "us")
    assert record["sentence"] == "Iran condemned the United States over the raids."

    quiet = run_graphx("extract", str(news), "-q", env=PLAIN)
    assert quiet.returncode == 3 and quiet.stdout == result.stdout
    assert quiet.stderr == f"Error: {news / 'b_bad.txt'}: binary file, not text\n"  # no summary


def test_extract_of_good_inputs_exits_0_with_its_summary(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Kataib Hezbollah attacked US forces with drones.\n", encoding="utf-8")
    output = tmp_path / "out.jsonl"
    result = run_graphx("extract", str(good), "-o", str(output), env=PLAIN)
    assert (result.returncode, result.stdout) == (0, "")
    assert result.stderr == "1 relations from 1 documents\n"  # no "failed" part
    assert len(output.read_text(encoding="utf-8").splitlines()) == 1


def test_the_report_carries_the_exit_code_and_the_line() -> None:
    clean = ExtractReport(documents=2, relations=5)
    failed = ExtractReport(documents=1, relations=0, failures=2)
    assert (clean.exit_code, clean.summary()) == (0, "5 relations from 2 documents")
    assert (failed.exit_code, failed.summary()) == (
        3,
        "0 relations from 1 documents; 2 input(s) failed",
    )


def test_load_skips_a_bad_line_and_exits_3(tmp_path: Path) -> None:
    source = tmp_path / "one.txt"
    source.write_text("Iran condemned the United States over the raids.\n", encoding="utf-8")
    mentions = tmp_path / "mentions.jsonl"
    run_graphx("extract", str(source), "-q", "-o", str(mentions), check=True)
    with mentions.open("a", encoding="utf-8") as handle:
        handle.write("not json\n")
    result = run_graphx("load", str(mentions), "--db", str(tmp_path / "g.lbdb"), env=PLAIN)
    assert result.returncode == 3 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0] == f"Error: {mentions}:2: not JSON: Expecting value"
    assert lines[1] == (
        "1 documents: 1 mentions added, 0 removed, 0 unchanged; 1 edges added, 0 removed"
    )
    assert lines[2].startswith("actors 2, documents 1, mentions 1, ") and "OPPOSES 1" in lines[2]
    assert len(lines) == 3
