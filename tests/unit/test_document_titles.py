"""Document titles and outlets, as the readers give them (unit tier: no model, no store)."""

from __future__ import annotations

import io
import json
from pathlib import Path

from graphx.extraction.documents import MAX_TITLE, document_outlet, document_title, read_inputs
from graphx.models import Document

BODY = "Rockets hit an airfield outside Kirkuk late on Sunday, a police source said.\n"


def _documents(paths: list[Path], **kwargs) -> dict[str, Document]:
    items = list(read_inputs([str(p) for p in paths], **kwargs))
    assert all(isinstance(i, Document) for i in items), items
    return {d.id: d for d in items}


def _corpus(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_text_title_is_the_first_non_empty_line_trimmed(tmp_path: Path):
    (tmp_path / "plain.txt").write_text(
        "\n   \n   Airfield shelled near Kirkuk  \n\n" + BODY, encoding="utf-8"
    )
    (tmp_path / "notes.md").write_text("## Shelling  near   Kirkuk ##\n\n" + BODY, encoding="utf-8")
    documents = _documents([tmp_path])
    assert documents["plain"].title == "Airfield shelled near Kirkuk"
    # Markdown heading marks and runs of spaces are not part of the title
    assert documents["notes"].title == "Shelling near Kirkuk"
    assert "#" not in documents["notes"].title
    # the title is read from the text, which stays exactly as it was
    assert documents["plain"].text.startswith("\n   \n   Airfield")


def test_a_long_first_line_is_cut_at_a_word(tmp_path: Path):
    words = " ".join(f"word{n}" for n in range(200))
    (tmp_path / "long.txt").write_text(words + "\n" + BODY, encoding="utf-8")
    [document] = _documents([tmp_path / "long.txt"]).values()
    assert len(document.title) <= MAX_TITLE
    assert document.title.endswith("…")
    assert document.title.startswith("word0 word1 ")
    # cut between words, never inside one
    assert document.title[:-1].split()[-1] in words.split()
    assert document.title != words


def test_html_title_is_its_title_element_with_entities_decoded(tmp_path: Path):
    (tmp_path / "page.html").write_text(
        "<!doctype html><html><head><meta charset='utf-8'>\n"
        "<TITLE>\n  Strikes &amp; counter&#8209;strikes: Erbil &ndash; live </TITLE></head>"
        f"<body><h1>Live coverage</h1><p>{BODY}</p></body></html>",
        encoding="utf-8",
    )
    (tmp_path / "bare.htm").write_text(f"<html><body><p>{BODY}</p></body></html>", encoding="utf-8")
    documents = _documents([tmp_path])
    assert documents["page"].title == "Strikes & counter\u2011strikes: Erbil \u2013 live"
    assert "&amp;" not in documents["page"].title and "<" not in documents["page"].title
    # no <title>: no title, not the markup's first line
    assert documents["bare"].title is None


def test_jsonl_keeps_its_title_field_and_names_its_outlet(tmp_path: Path):
    corpus = _corpus(
        tmp_path / "wire.jsonl",
        [
            {"id": "w1", "text": BODY, "title": "Kirkuk airfield hit", "outlet": "Gulf Wire"},
            {"id": "w2", "text": BODY, "source_name": "Nineveh Daily", "url": "https://x.org/2"},
            {"id": "w3", "text": BODY, "url": "https://www.example-news.com/2024/kirkuk?p=1"},
            {"id": "w4", "text": BODY, "url": "https://Reports.Example.org:8443/a"},
            {"id": "w5", "text": "Untitled first line\n" + BODY},
        ],
    )
    documents = _documents([corpus])
    assert documents["w1"].title == "Kirkuk airfield hit"
    assert documents["w1"].outlet == "Gulf Wire"
    # a named outlet beats the URL's host
    assert documents["w2"].outlet == "Nineveh Daily"
    # else the URL's host, without a leading "www." (and without port or path)
    assert documents["w3"].outlet == "example-news.com"
    assert documents["w4"].outlet == "reports.example.org"
    # a record without a title keeps none: its text's first line is not made one
    assert documents["w5"].title is None
    assert documents["w5"].outlet is None


def test_text_files_have_no_outlet_and_stdin_gets_a_title(tmp_path: Path):
    (tmp_path / "plain.txt").write_text("Heading line\n" + BODY, encoding="utf-8")
    [document] = _documents([tmp_path / "plain.txt"]).values()
    assert document.outlet is None
    stdin = io.TextIOWrapper(io.BytesIO(("\n Piped heading \n" + BODY).encode()))
    [piped] = _documents([Path("-")], stdin=stdin).values()
    assert piped.title == "Piped heading"
    assert piped.outlet is None


def test_outlet_and_title_helpers_on_edge_cases():
    assert document_outlet(None, None) is None
    assert document_outlet("  ", "https://www.site.net/x") == "site.net"
    assert document_outlet(None, "not a url") is None
    assert document_outlet(None, "http://[::1") is None  # malformed: no host, no exception
    assert document_title("   \n\t\n") is None
    assert document_title("<html><title>  </title></html>", ".html") is None
    assert Document(id="d", text="t", source="s").outlet is None
