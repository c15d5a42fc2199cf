"""Reading inputs: every kind of bad input gets one clear line, the rest is still extracted."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from graphx.errors import InputError
from graphx.extraction.documents import analysis_text, read_inputs
from graphx.models import Document

from ..conftest import run_graphx

GOOD = "Kataib Hezbollah attacked US forces in Syria, the Pentagon said.\n"


def _items(paths, **kwargs):
    return list(read_inputs([str(p) for p in paths], **kwargs))


@pytest.fixture
def bad_folder(tmp_path: Path) -> Path:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    (tmp_path / "latin1.txt").write_bytes("Le Hezbollah a attaqu\xe9".encode("latin-1"))
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "huge.txt").write_text("word " * 2_100_000, encoding="utf-8")  # 10.5 MB, one line
    (tmp_path / "page.html").write_text(
        "<html><head><title>x</title><script>var a = '<b>';</script></head><body>"
        "<p>Iran condemned the <b>US</b> strike.</p></body></html>",
        encoding="utf-8",
    )
    return tmp_path


def test_each_bad_file_gets_one_reason(bad_folder: Path):
    items = {
        Path(getattr(i, "where", getattr(i, "source", ""))).name: i for i in _items([bad_folder])
    }
    assert isinstance(items["good.txt"], Document)
    assert isinstance(items["page.html"], Document)
    assert "binary file" in str(items["binary.txt"])
    assert "not valid UTF-8 (byte 0xe9" in str(items["latin1.txt"])
    assert "empty document" in str(items["empty.txt"])
    assert "too large (10.5 MB" in str(items["huge.txt"])
    for name in ("binary.txt", "latin1.txt", "empty.txt", "huge.txt"):
        message = str(items[name])
        assert "\n" not in message and name in message


def test_missing_path_and_empty_folder(tmp_path: Path):
    (tmp_path / "empty_dir").mkdir()
    errors = _items([tmp_path / "nope.txt", tmp_path / "empty_dir"])
    assert all(isinstance(e, InputError) for e in errors)
    assert "no such file" in str(errors[0])
    assert "holds no" in str(errors[1])


def test_html_markup_is_masked_without_moving_offsets():
    html = "<p>Iran condemned the <b>US</b> strike.</p>"
    masked = analysis_text(html)
    assert len(masked) == len(html)
    assert masked.index("Iran") == html.index("Iran")
    assert "<" not in masked and ">" not in masked


def test_jsonl_corpus_with_bad_lines(tmp_path: Path):
    corpus = tmp_path / "corpus.jsonl"
    lines = [
        json.dumps(
            {
                "id": "a1",
                "text": GOOD,
                "title": "T",
                "date": "2024-01-05T10:00:00Z",
                "url": "https://example.org/a1",
            }
        ),
        "{not json",
        json.dumps({"text": "no id"}),
        json.dumps({"id": "a4"}),
        json.dumps({"id": "a5", "text": ""}),
        "",
        json.dumps({"id": 6, "text": GOOD}),
    ]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = _items([corpus])
    documents = [i for i in items if isinstance(i, Document)]
    errors = [str(i) for i in items if isinstance(i, InputError)]
    assert [d.id for d in documents] == ["a1", "6"]
    assert documents[0].date == "2024-01-05" and documents[0].url == "https://example.org/a1"
    assert any(":2: not a JSON object" in e for e in errors)
    assert any(":3: missing 'id'" in e for e in errors)
    assert any(":4 (id a4): missing 'text'" in e for e in errors)
    assert any(":5 (id a5): empty document" in e for e in errors)


def test_stdin_text_and_jsonl():
    [document] = _items(["-"], stdin=io.TextIOWrapper(io.BytesIO(GOOD.encode())))
    assert document.id.startswith("stdin-") and document.text == GOOD
    lines = (json.dumps({"id": "x", "text": GOOD}) + "\n").encode()
    [document] = _items(["-"], stdin=io.TextIOWrapper(io.BytesIO(lines)))
    assert document.id == "x"


def test_cli_reports_failures_and_still_extracts(bad_folder: Path, tmp_path: Path):
    output = tmp_path / "out.jsonl"
    result = run_graphx("extract", str(bad_folder), "-o", str(output))
    assert result.returncode == 3, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
    assert len(errors) == 4
    assert "Traceback" not in result.stderr
    records = [json.loads(line) for line in output.read_text().splitlines()]
    assert {r["doc"] for r in records} == {"good", "page"}
    page = next(r for r in records if r["doc"] == "page")
    assert page["relation"] == "opposes" and page["sentence"] == "Iran condemned the US strike."
