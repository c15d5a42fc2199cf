"""Document reading (graphx.extraction.documents) on files written to tmp_path: ids, encodings,
what is refused and why, and that one bad input never stops the rest (unit tier: no model).
Titles and outlets are in test_document_titles.py."""

from __future__ import annotations

import codecs
import io
import json
from pathlib import Path

import pytest

from graphx.errors import ExtractOutputGiven, InputError, OptionError
from graphx.extraction.documents import read_inputs, stdin_id
from graphx.models import Document

BODY = "Gunmen fired on a checkpoint north of Mosul at dawn, officials said.\n"


def _read(*paths: Path | str, **kwargs) -> tuple[dict[str, Document], list[InputError]]:
    documents: dict[str, Document] = {}
    errors: list[InputError] = []
    for item in read_inputs([str(p) for p in paths], **kwargs):
        if isinstance(item, Document):
            documents[item.id] = item
        else:
            errors.append(item)
    return documents, errors


def _stdin(data: bytes) -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")


def _jsonl(path: Path, *records: object) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


# ----------------------------------------------------------------------------- ids
def test_files_in_a_folder_are_keyed_by_their_relative_path_without_suffix(tmp_path: Path):
    (tmp_path / "2024" / "march").mkdir(parents=True)
    (tmp_path / "2024" / "march" / "report.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "2024" / "brief.md").write_text(BODY, encoding="utf-8")
    (tmp_path / "top.html").write_text(f"<p>{BODY}</p>", encoding="utf-8")
    documents, errors = _read(tmp_path)
    assert errors == []
    assert list(documents) == ["2024/brief", "2024/march/report", "top"]  # sorted path order
    assert documents["2024/brief"].source == str(tmp_path / "2024" / "brief.md")
    assert "report" not in documents  # a nested file is not known by its stem alone


def test_a_file_named_directly_is_keyed_by_its_stem(tmp_path: Path):
    (tmp_path / "sub").mkdir()
    path = tmp_path / "sub" / "wire.2024.txt"
    path.write_text(BODY, encoding="utf-8")
    documents, _ = _read(path)
    assert list(documents) == ["wire.2024"]


def test_hidden_entries_and_other_suffixes_are_skipped_in_a_folder(tmp_path: Path):
    (tmp_path / "kept.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / ".draft.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "notes.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n")
    (tmp_path / "data.csv").write_text("a,b\n", encoding="utf-8")
    documents, errors = _read(tmp_path)
    assert list(documents) == ["kept"] and errors == []


def test_jsonl_records_are_keyed_by_their_id(tmp_path: Path):
    corpus = _jsonl(
        tmp_path / "wire.jsonl",
        {"id": "a-1", "text": BODY, "date": "2024-03-01"},
        {"id": 7, "text": BODY},
    )
    documents, errors = _read(corpus)
    assert errors == [] and list(documents) == ["a-1", "7"]  # a numeric id becomes text
    assert documents["a-1"].date == "2024-03-01" and documents["7"].date is None
    assert documents["a-1"].source == f"{corpus}:1 (id a-1)"


def test_stdin_is_keyed_by_a_hash_of_its_bytes_unless_named():
    data = BODY.encode("utf-8")
    documents, _ = _read("-", stdin=_stdin(data))
    assert list(documents) == [stdin_id(data)]
    assert stdin_id(data).startswith("stdin-") and len(stdin_id(data)) == len("stdin-") + 12
    assert stdin_id(data) == stdin_id(BODY.encode()) != stdin_id(b"other bytes")
    named, _ = _read("-", stdin=_stdin(data), doc_id="dispatch-9")
    assert list(named) == ["dispatch-9"]


def test_two_inputs_with_one_id_keep_the_first_and_refuse_the_second(tmp_path: Path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "note.txt").write_text("first\n" + BODY, encoding="utf-8")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "note.md").write_text("second\n" + BODY, encoding="utf-8")
    documents, errors = _read(tmp_path / "a", tmp_path / "b")
    assert documents["note"].text.startswith("first")  # never a merge, never the second
    [error] = errors
    assert error.where == str(tmp_path / "b" / "note.md")
    assert error.reason.startswith(f"document id 'note' is already used by {tmp_path / 'a'}")


def test_a_file_named_twice_is_read_once_with_a_warning(tmp_path: Path):
    path = tmp_path / "one.txt"
    path.write_text(BODY, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    detour = tmp_path / "sub" / ".." / "one.txt"
    heard: list[str] = []
    documents, errors = _read(path, path, detour, warn=heard.append)
    assert list(documents) == ["one"] and errors == []
    assert heard == [
        f"{path}: named twice; read once",
        f"{detour}: the same file as {path}; read once",
    ]


@pytest.mark.parametrize(
    ("paths", "doc_id", "message"),
    [
        (["x.txt"], "d", "--doc-id 'd' names the document read from standard input"),
        (["-", "-"], "d", "'-' is given twice"),
        (["-"], "  ", "--doc-id must not be empty"),
    ],
)
def test_a_misused_doc_id_is_an_option_error_at_once(paths, doc_id, message):
    with pytest.raises(OptionError, match=message):
        read_inputs(paths, doc_id=doc_id)


# ----------------------------------------------------------------------------- encodings
@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("utf-8", codecs.BOM_UTF8),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-32-le", codecs.BOM_UTF32_LE),
        ("utf-32-be", codecs.BOM_UTF32_BE),
    ],
)
def test_utf_encodings_with_a_byte_order_mark_read_the_same_text(tmp_path, encoding, bom):
    text = "Erbil – Ankara’s drones struck near Zakho.\n"
    path = tmp_path / "marked.txt"
    path.write_bytes(bom + text.encode(encoding))
    [document] = _read(path)[0].values()
    assert document.text == text  # the mark is dropped: spans index the text itself
    assert not document.text.startswith("\ufeff")


def test_plain_utf8_is_read_as_is(tmp_path: Path):
    path = tmp_path / "plain.txt"
    path.write_text("Café in Hīt.\n", encoding="utf-8")
    assert _read(path)[0]["plain"].text == "Café in Hīt.\n"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ("Caf\xe9 bombed\n".encode("latin-1"), "not valid UTF-8 (byte 0xe9 at offset 3)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file, not text"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8", "not valid UTF-16"),
        (b"   \n\t\n", "empty document, nothing to extract"),
        (b"", "empty document, nothing to extract"),
    ],
    ids=["latin-1", "binary", "broken-utf16", "blank", "empty"],
)
def test_an_unreadable_file_is_an_error_and_the_rest_still_reads(tmp_path, data, reason):
    (tmp_path / "bad.txt").write_bytes(data)
    (tmp_path / "good.txt").write_text(BODY, encoding="utf-8")
    documents, errors = _read(tmp_path)
    assert list(documents) == ["good"]
    [error] = errors
    assert error.where == str(tmp_path / "bad.txt")
    assert error.reason.startswith(reason)


def test_a_file_over_the_size_limit_is_refused_naming_the_option(tmp_path: Path):
    path = tmp_path / "big.txt"
    path.write_text(BODY * 40, encoding="utf-8")
    documents, [error] = _read(path, max_bytes=1000)
    assert documents == {}
    assert "too large" in error.reason and "--max-size" in error.reason
    assert _read(path, max_bytes=10_000)[1] == []  # under the limit: read


# ----------------------------------------------------------------------------- corpora and paths
def test_bad_jsonl_lines_are_errors_naming_the_line_and_the_rest_reads(tmp_path: Path):
    corpus = tmp_path / "mixed.jsonl"
    corpus.write_text(
        json.dumps({"id": "ok", "text": BODY})
        + "\n\n{not json\n"
        + json.dumps({"text": BODY})
        + "\n"
        + json.dumps({"id": "n", "text": 5})
        + "\n[1, 2]\n",
        encoding="utf-8",
    )
    documents, errors = _read(corpus)
    assert list(documents) == ["ok"]
    assert [(e.where, e.reason.split(":")[0]) for e in errors] == [
        (f"{corpus}:3", "not a JSON object"),
        (f"{corpus}:4", "missing 'id'"),
        (f"{corpus}:5 (id n)", "missing 'text' (a string)"),
        (f"{corpus}:6", "not a JSON object"),
    ]


def test_a_utf16_corpus_is_refused_whole(tmp_path: Path):
    corpus = tmp_path / "wide.jsonl"
    corpus.write_bytes(
        codecs.BOM_UTF16_LE + json.dumps({"id": "a", "text": BODY}).encode("utf-16-le")
    )
    documents, [error] = _read(corpus)
    assert documents == {}
    assert error.reason == "JSON Lines must be UTF-8 (this file is UTF-16 or 32)"


def test_extract_output_is_refused_before_anything_is_read(tmp_path: Path):
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    mentions = _jsonl(
        tmp_path / "out.jsonl",
        {"doc": "a", "relation": "strikes", "source": {}, "target": {}, "sentence": "s"},
    )
    with pytest.raises(ExtractOutputGiven) as error:
        read_inputs([str(tmp_path / "a.txt"), str(tmp_path)])
    assert str(mentions) in str(error.value)
    # a corpus of documents with the same keys and a text is a corpus, not extract output
    _jsonl(
        mentions, {"id": "a2", "doc": "a", "relation": "r", "source": 1, "target": 2, "text": BODY}
    )
    documents, errors = _read(mentions)
    assert list(documents) == ["a2"] and errors == []


def test_missing_paths_and_empty_folders_are_errors_naming_them(tmp_path: Path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "good.txt").write_text(BODY, encoding="utf-8")
    documents, errors = _read(tmp_path / "nope.txt", tmp_path / "empty", tmp_path / "good.txt")
    assert list(documents) == ["good"]
    assert [(e.where, e.reason) for e in errors] == [
        (str(tmp_path / "nope.txt"), "no such file or folder"),
        (str(tmp_path / "empty"), "folder holds no .txt, .md, .html or .jsonl files"),
    ]


def test_a_broken_symbolic_link_is_named_with_its_target(tmp_path: Path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "gone.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "docs" / "here.txt").write_text(BODY, encoding="utf-8")
    documents, [error] = _read(tmp_path / "docs")
    assert list(documents) == ["here"]
    assert error.reason == f"broken symbolic link (to {tmp_path / 'missing.txt'})"


@pytest.mark.parametrize(
    ("text", "story"),
    [
        ("WASHINGTON, July 26, 2021 — President Biden met the envoy.", "President Biden"),
        ("BAGHDAD (Reuters) - Rockets hit the base.", "Rockets hit"),
        ("BEIRUT — Hezbollah said it fired.", "Hezbollah said"),
    ],
)
def test_a_dateline_is_set_off_from_the_story_with_offsets_kept(text: str, story: str):
    from graphx.extraction.documents import set_off_datelines

    parsed = set_off_datelines(text)
    assert len(parsed) == len(text)
    before, _, after = parsed.partition("\n")
    assert not before.strip() and after.startswith(story)
    assert text[text.index(story) :] == after  # the story keeps its offsets


@pytest.mark.parametrize(
    "text",
    [
        "The US-led coalition — which Iraq invited — stayed.",
        "IRGC - led forces crossed the border.",
        "Kataib Hezbollah - the group - denied it.",
    ],
)
def test_a_dash_that_opens_no_story_is_kept(text: str):
    from graphx.extraction.documents import set_off_datelines

    assert set_off_datelines(text) == text
