"""Inputs keep their identity, and no input can stall or exhaust a run.

Ids are unique and stable (relative paths, content hashes, --doc-id); duplicates are errors,
never merges; odd encodings, unreadable folders, bad links, closed standard input and full
disks each get one line; tokenizer traps are defused and slow documents are skipped on time.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graphx.errors import DocumentTimeout, InputError, OptionError
from graphx.extraction.documents import defuse_tokenizer_traps, read_inputs, stdin_id
from graphx.extraction.pipeline import CHUNK_CHARS, DocumentResult, split_chunks
from graphx.models import Document

from ..conftest import CORPUS, run_graphx

# Sentences written for these tests.
STRIKE = "Kataib Hezbollah attacked US forces in Syria, the Pentagon said.\n"
CONDEMN = "Iran condemned the American strike on the militia.\n"
TIMEOUT_LINE = re.compile(
    r"^Error: (?P<file>.+): extraction took more than (?P<limit>[\d.]+) CPU seconds; skipped "
    r"\(raise it with --doc-timeout\)$"
)


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _items(*paths, **kwargs) -> list:
    return list(read_inputs([str(p) for p in paths], **kwargs))


def _stdin(data: bytes) -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(data))


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("Error: ")]


def _long_news(paragraphs: int) -> str:
    """Many paragraphs of our own sentences, each naming its number so none repeats."""
    return "".join(
        f"In raid {n}, Kataib Hezbollah attacked US forces in Syria, the Pentagon said. "
        f"Iran condemned the American strike number {n} on the militia.\n\n"
        for n in range(paragraphs)
    )


# ----------------------------------------------------------------------------- identity
def test_same_named_files_in_two_folders_are_two_documents(tmp_path: Path):
    _write(tmp_path / "news" / "2020" / "report.txt", STRIKE)
    _write(tmp_path / "news" / "2024" / "report.txt", CONDEMN)
    flat = _write(tmp_path / "flat.txt", STRIKE)
    items = _items(tmp_path / "news", flat)
    assert all(isinstance(i, Document) for i in items), items
    assert [d.id for d in items] == ["2020/report", "2024/report", "flat"]
    # the bundled corpus (a flat folder) keeps its stems, which the gold files key on
    corpus_ids = [d.id for d in _items(CORPUS)]
    assert corpus_ids == sorted(p.stem for p in CORPUS.glob("*.txt"))
    assert "05_soleimani_strike_2020" in corpus_ids


def test_same_named_files_through_the_cli(tmp_path: Path):
    _write(tmp_path / "news" / "2020" / "report.txt", STRIKE)
    _write(tmp_path / "news" / "2024" / "report.txt", CONDEMN)
    output = tmp_path / "out.jsonl"
    result = run_graphx("extract", str(tmp_path / "news"), "-q", "-o", str(output))
    assert result.returncode == 0, result.stderr
    by_doc = {r["doc"]: r["relation"] for r in _records(output)}
    assert by_doc == {"2020/report": "strikes", "2024/report": "opposes"}


def test_one_id_from_two_files_is_an_error_for_the_second(tmp_path: Path):
    first = _write(tmp_path / "a" / "report.md", STRIKE)
    second = _write(tmp_path / "a" / "report.txt", CONDEMN)
    other_root = _write(tmp_path / "b" / "report.txt", CONDEMN)
    items = _items(tmp_path / "a", tmp_path / "b")
    assert isinstance(items[0], Document) and items[0].source == str(first)
    for error, where in zip(items[1:], (second, other_root), strict=True):
        assert isinstance(error, InputError)
        assert error.where == str(where)
        assert "'report'" in error.reason and str(first) in error.reason
        assert "\n" not in str(error)


def test_duplicate_jsonl_ids_are_an_error_not_a_merge(tmp_path: Path):
    corpus = tmp_path / "wire.jsonl"
    lines = [{"id": "story", "text": STRIKE}, {"id": "story", "text": CONDEMN}]
    corpus.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    output = tmp_path / "out.jsonl"
    result = run_graphx("extract", str(corpus), "-o", str(output))
    assert result.returncode == 3, result.stderr
    [error] = _errors(result.stderr)
    assert f"{corpus}:2 (id story)" in error and f"{corpus}:1" in error
    assert [r["relation"] for r in _records(output)] == ["strikes"]  # the first line's only


def test_same_file_named_twice_is_read_once_with_a_warning(tmp_path: Path):
    news = _write(tmp_path / "news" / "raid.txt", STRIKE)
    output = tmp_path / "out.jsonl"
    result = run_graphx("extract", str(tmp_path / "news"), str(news), "-q", "-o", str(output))
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("Warning: ")]
    assert len(warnings) == 1 and str(news) in warnings[0] and "read once" in warnings[0]
    assert [r["doc"] for r in _records(output)] == ["raid"]


def test_stdin_gets_a_content_hash_id():
    one = _items("-", stdin=_stdin(STRIKE.encode()))
    again = _items("-", stdin=_stdin(STRIKE.encode()))
    other = _items("-", stdin=_stdin(CONDEMN.encode()))
    assert re.fullmatch(r"stdin-[0-9a-f]{12}", one[0].id)
    assert one[0].id == again[0].id == stdin_id(STRIKE.encode()) != other[0].id
    [named] = _items("-", stdin=_stdin(STRIKE.encode()), doc_id="raid-7")
    assert named.id == "raid-7"


def test_two_piped_snippets_are_two_documents(tmp_path: Path):
    ids = []
    for snippet in (STRIKE, CONDEMN):
        result = run_graphx("extract", "-", "-q", input=snippet)
        assert result.returncode == 0, result.stderr
        ids.append(json.loads(result.stdout.splitlines()[0])["doc"])
    assert ids[0] != ids[1] and all(i.startswith("stdin-") for i in ids)
    named = run_graphx("extract", "-", "-q", "--doc-id", "raid-7", input=STRIKE)
    assert json.loads(named.stdout.splitlines()[0])["doc"] == "raid-7"


def test_doc_id_misuse_is_one_line(tmp_path: Path):
    news = _write(tmp_path / "raid.txt", STRIKE)
    with pytest.raises(OptionError, match="'-' is not among the paths"):
        read_inputs([str(news)], doc_id="x")
    with pytest.raises(OptionError, match="more than one document"):
        read_inputs(["-", "-"], doc_id="x")
    store = ["--db", str(tmp_path / "graph.lbdb")]
    for args in (["extract", str(news)], ["build", str(news), *store]):
        result = run_graphx(*args, "--doc-id", "x")
        assert result.returncode == 2, result.stderr
        assert len(result.stderr.strip().splitlines()) == 1 and "--doc-id" in result.stderr
    jsonl = json.dumps({"id": "a", "text": STRIKE}) + "\n" + json.dumps({"id": "b", "text": STRIKE})
    piped = run_graphx("extract", "-", "--doc-id", "x", input=jsonl + "\n")
    assert piped.returncode == 3 and "would name more than one document" in piped.stderr


# ----------------------------------------------------------------------------- encodings
@pytest.mark.parametrize(
    "encoding, bom",
    [("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE), ("utf-8", b"")],
)
def test_byte_order_marks_are_decoded_and_spans_index_the_decoded_text(
    tmp_path: Path, encoding: str, bom: bytes
):
    text = "A note first.\n\n" + STRIKE
    path = tmp_path / "raid.txt"
    mark = bom or codecs.BOM_UTF8
    path.write_bytes(mark + text.encode(encoding))
    [document] = _items(path)
    assert isinstance(document, Document), document
    assert document.text == text  # the mark is gone: offsets count from the first letter
    output = tmp_path / "out.jsonl"
    result = run_graphx("extract", str(path), "-q", "-o", str(output))
    assert result.returncode == 0, result.stderr
    [record] = _records(output)
    start, end = record["sentence_span"]
    assert text[start:end] == record["sentence"] == STRIKE.strip()
    for actor in (record["source"], record["target"]):
        assert text[actor["span"][0] : actor["span"][1]] == actor["text"]


def test_broken_utf16_is_one_line(tmp_path: Path):
    path = tmp_path / "odd.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + "Iran".encode("utf-16-le") + b"\x00")
    [error] = _items(path)
    assert isinstance(error, InputError) and "not valid UTF-16" in str(error)


# ----------------------------------------------------------------------------- folders
def _without_permission_override() -> list[str]:
    """A command prefix under which root, too, is refused what permissions refuse (tests run
    as root, who otherwise reads a chmod 000 folder): the capabilities that bypass file
    permissions are dropped from the bounding set."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root and setpriv is not installed: permissions not enforced")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search"]


def test_unreadable_subfolder_and_bad_links_are_each_reported(tmp_path: Path):
    news = tmp_path / "news"
    _write(news / "good.txt", STRIKE)
    _write(news / "locked" / "hidden.txt", CONDEMN)
    (news / "broken.txt").symlink_to(news / "gone.txt")
    (news / "self.txt").symlink_to(news / "self.txt")
    (news / "sub").mkdir()
    (news / "sub" / "up").symlink_to(news, target_is_directory=True)
    (news / "locked").chmod(0)
    try:
        command = [*_without_permission_override(), sys.executable, "-m", "graphx"]
        result = subprocess.run(
            [*command, "extract", str(news), "-o", str(tmp_path / "out.jsonl")],
            capture_output=True,
            text=True,
            timeout=300,
        )
        direct = subprocess.run(
            [*command, "extract", str(news / "locked")],
            capture_output=True,
            text=True,
            timeout=300,
        )
    finally:
        (news / "locked").chmod(0o755)
    assert result.returncode == 3, result.stderr
    assert "Traceback" not in result.stderr
    errors = _errors(result.stderr)
    assert len(errors) == 4, errors
    assert any(str(news / "locked") in e and "permission denied" in e for e in errors)
    assert any(str(news / "broken.txt") in e and "broken symbolic link" in e for e in errors)
    assert any(str(news / "self.txt") in e and "symbolic link loop" in e for e in errors)
    assert any(str(news / "sub" / "up") in e and "symbolic link loop" in e for e in errors)
    assert [r["doc"] for r in _records(tmp_path / "out.jsonl")] == ["good"]
    assert direct.returncode == 3
    assert _errors(direct.stderr) == [f"Error: {news / 'locked'}: permission denied"]


def test_broken_link_named_directly(tmp_path: Path):
    (tmp_path / "broken.txt").symlink_to(tmp_path / "gone.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    errors = _items(tmp_path / "broken.txt", tmp_path / "loop.txt", tmp_path / "absent.txt")
    assert [e.reason.split(" (")[0] for e in errors] == [
        "broken symbolic link",
        "symbolic link loop",
        "no such file or folder",
    ]


# ----------------------------------------------------------------------------- stdin, output
def test_closed_stdin_is_one_line():
    result = subprocess.run(
        f"{sys.executable} -m graphx extract - <&-",
        shell=True,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 3, result.stderr
    assert _errors(result.stderr) == ["Error: <stdin>: standard input is closed"]
    assert "Traceback" not in result.stderr


def test_full_stdout_is_one_line():
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "graphx", "extract", str(CORPUS), "-q"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=300,
        )
    assert result.returncode == 1
    assert result.stderr.strip() == "Error: standard output: cannot write: No space left on device"


@contextlib.contextmanager
def _small_disk(folder: Path):
    """`folder` as a 256 KB tmpfs (we run as root); None where mounting is not allowed."""
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(folder)], capture_output=True
    )
    try:
        yield folder if mounted.returncode == 0 else None
    finally:
        if mounted.returncode == 0:
            subprocess.run(["umount", str(folder)], check=True)


def test_full_disk_on_output_leaves_the_old_file(tmp_path: Path):
    with _small_disk(tmp_path / "disk") as disk:
        if disk is not None:
            old = disk / "out.jsonl"
            old.write_text('{"old": true}\n', encoding="utf-8")
            filler = disk / "filler"
            with contextlib.suppress(OSError), filler.open("wb") as handle:
                handle.write(bytes(256 * 1024))  # fills the disk, up to the last page
            filler.write_bytes(filler.read_bytes()[: -16 * 1024])  # 16 KB left: not enough
            result = run_graphx("extract", str(CORPUS), "-q", "-o", str(old))
        else:  # no mount: a file-size limit makes the writes fail the same way (EFBIG)
            old = tmp_path / "out.jsonl"
            old.write_text('{"old": true}\n', encoding="utf-8")
            result = _run_with_file_size_limit(str(CORPUS), "-q", "-o", str(old))
        assert result.returncode == 1, result.stderr
        [line] = result.stderr.strip().splitlines()
        assert line.startswith(f"Error: {old}: cannot write: ")
        assert "the old file is left as it was" in line
        assert old.read_text(encoding="utf-8") == '{"old": true}\n'
        assert sorted(p.name for p in old.parent.iterdir()) in (
            ["filler", "out.jsonl"],
            ["out.jsonl"],
        )


def _run_with_file_size_limit(*args: str) -> subprocess.CompletedProcess:
    import resource
    import signal

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (16 * 1024, 16 * 1024))

    return subprocess.run(
        [sys.executable, "-m", "graphx", "extract", *args],
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=limit,
    )


def test_output_file_is_replaced_only_when_the_run_ends(tmp_path: Path):
    output = tmp_path / "out.jsonl"
    output.write_text("old\n", encoding="utf-8")
    output.chmod(0o640)
    result = run_graphx(
        "extract", str(CORPUS / "05_soleimani_strike_2020.txt"), "-q", "-o", str(output)
    )
    assert result.returncode == 0, result.stderr
    assert _records(output) and oct(output.stat().st_mode & 0o777) == "0o640"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]


# ----------------------------------------------------------------------------- tokenizer traps
def test_tokenizer_traps_are_blanked_without_moving_offsets():
    text = "<" * 5000 + " ok (((((((( (a) " + "x" * 150 + " Iran.\n..."
    defused = defuse_tokenizer_traps(text)
    assert len(defused) == len(text)
    assert defused.split() == ["ok", "(((", "(a)", "Iran.", "..."]
    assert defused.index("Iran.") == text.index("Iran.")
    ordinary = 'Iran -- and Iraq... "quoted" (yes) — 2020–2024 https://example.org/a?b=c'
    assert defuse_tokenizer_traps(ordinary) is ordinary


def test_a_file_of_angle_brackets_finishes_quickly(extractor):
    document = Document(id="angles", text="<" * 103_000, source="test")
    start = time.perf_counter()
    [result] = extractor.extract_many([document])
    assert time.perf_counter() - start < 10
    assert isinstance(result, DocumentResult) and result.relations == []


def test_spans_stay_exact_after_a_punctuation_run(mentions):
    text = "((((" * 2000 + "\n\n" + '"' * 300 + " " + STRIKE + "<<<<<<<< " + CONDEMN
    found = mentions(text)
    assert {r.relation for r in found} == {"strikes", "opposes"}
    for relation in found:
        start, end = relation.sentence_span
        assert text[start:end] == relation.sentence
        assert relation.sentence in (STRIKE.strip(), "<<<<<<<< " + CONDEMN.strip(), CONDEMN.strip())
        for mention in (relation.source, relation.target):
            assert text[mention.start : mention.end] == mention.text


def test_big_documents_are_parsed_in_pieces_with_exact_spans(extractor):
    text = _long_news(400)  # about 55,000 characters: three pieces
    pieces = list(split_chunks(text))
    assert len(pieces) >= 3 and all(len(p) <= CHUNK_CHARS for _, p in pieces)
    assert "".join(p for _, p in pieces) == text
    [result] = extractor.extract_many([Document(id="long", text=text, source="test")])
    assert len([r for r in result.relations if r.relation == "strikes"]) == 400
    for relation in result.relations:
        start, end = relation.sentence_span
        assert text[start:end] == relation.sentence
        for mention in (relation.source, relation.target):
            assert text[mention.start : mention.end] == mention.text


# ----------------------------------------------------------------------------- time limit
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_slow_document_is_skipped_on_time_and_the_others_kept(tmp_path: Path, jobs: str):
    news = tmp_path / "news"
    _write(news / "a_first.txt", STRIKE)
    big = _write(news / "b_big.txt", _long_news(1500))  # ~200 KB: many seconds of parsing
    _write(news / "c_last.txt", CONDEMN)
    output = tmp_path / "out.jsonl"
    start = time.perf_counter()
    result = run_graphx(
        "extract",
        str(news),
        "-j",
        jobs,
        "--doc-timeout",
        "1",
        "-q",
        "-o",
        str(output),
        subprocess=True,
    )
    elapsed = time.perf_counter() - start
    assert result.returncode == 3, result.stderr
    [error] = _errors(result.stderr)
    match = TIMEOUT_LINE.match(error)
    assert match and match["file"] == str(big) and float(match["limit"]) == 1
    assert [r["doc"] for r in _records(output)] == ["a_first", "c_last"]
    assert elapsed < 60


class _SlowOn:
    """The real pipeline, made slow on texts with `marker`: it spins, spending CPU time (the
    limit counts CPU seconds, so a sleep would never run out of time), until the alarm stops it."""

    def __init__(self, nlp, marker: str) -> None:
        self.nlp, self.marker = nlp, marker

    def pipe(self, texts, **kwargs):
        texts = list(texts)
        if any(self.marker in text for text in texts):
            give_up = time.monotonic() + 30
            while time.monotonic() < give_up:
                pass
        return self.nlp.pipe(texts, **kwargs)

    def __getattr__(self, name):
        return getattr(self.nlp, name)


def test_a_timeout_in_a_shared_batch_loses_only_the_slow_document(extractor):
    from graphx.extraction.pipeline import Extractor

    slow = Extractor(kb=extractor.kb, nlp=_SlowOn(extractor.nlp, "SLOWMARK"))
    documents = [
        Document(id="a", text=STRIKE, source="a.txt"),
        Document(id="slow", text="SLOWMARK. " + STRIKE, source="slow.txt"),
        Document(id="c", text=CONDEMN, source="c.txt"),
    ]
    start = time.perf_counter()
    results = list(slow.extract_many(documents, timeout=0.5))
    assert time.perf_counter() - start < 10
    assert [type(r) for r in results] == [DocumentResult, DocumentTimeout, DocumentResult]
    assert [r.relations[0].relation for r in (results[0], results[2])] == ["strikes", "opposes"]
    assert str(results[1]) == (
        "slow.txt: extraction took more than 0.5 CPU seconds; skipped (raise it with --doc-timeout)"
    )
