"""Reading documents: text and Markdown files, folders, JSON Lines corpora and standard input.

Readers yield a `Document` for each good input and an `InputError` (not raised) for each bad
one, so one broken file never stops a corpus.  Text is kept exactly as read: spans index into it.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from graphx.dates import normalize_date
from graphx.errors import InputError
from graphx.models import Document

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm"})
CORPUS_SUFFIXES = frozenset({".jsonl", ".ndjson"})
DEFAULT_MAX_BYTES = 5_000_000

_BINARY_PROBE = 8192
_MARKUP = re.compile(
    r"<\s*/?\s*(?:html|head|body|p|div|br|span|a|h[1-6]|script|style|li|ul|ol|"
    r"table|tr|td|article|section|header|footer|meta|title|em|strong|b|i)\b[^>]*>",
    re.IGNORECASE,
)
_HIDDEN_BLOCK = re.compile(r"<(script|style|head)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^<>]{0,2000}>", re.DOTALL)
_BLOCK_TAG = re.compile(
    r"^<\s*/?\s*(?:p|div|br|h[1-6]|li|tr|article|section|header|footer|title)\b", re.IGNORECASE
)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)

InputItem = Document | InputError


def read_inputs(
    paths: Iterable[str], *, stdin: IO[str] | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[InputItem]:
    """Every document named by `paths` (files, folders, corpora, '-'), in order given."""
    for raw in paths:
        if raw == "-":
            yield from _read_stdin(stdin if stdin is not None else sys.stdin, max_bytes)
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
                and p.suffix.lower() in TEXT_SUFFIXES | CORPUS_SUFFIXES
            )
            if not files:
                yield InputError(str(path), "folder holds no .txt, .md, .html or .jsonl files")
            for file in files:
                yield from _read_path(file, max_bytes)
        elif path.exists():
            yield from _read_path(path, max_bytes)
        else:
            yield InputError(str(path), "no such file or folder")


def _read_path(path: Path, max_bytes: int) -> Iterator[InputItem]:
    if path.suffix.lower() in CORPUS_SUFFIXES:
        yield from _read_corpus(path, max_bytes)
        return
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield InputError(str(path), _too_large(size, max_bytes))
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(str(path), f"cannot read: {exc.strerror or exc}")
        return
    text = decode_text(str(path), data)
    if isinstance(text, InputError):
        yield text
        return
    yield _document(str(path), path.stem, text)


def decode_text(where: str, data: bytes) -> str | InputError:
    """Text from bytes, or an error saying why they are not a readable text document."""
    if b"\x00" in data[:_BINARY_PROBE]:
        return InputError(where, "binary file, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return InputError(
            where, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        )
    if text.startswith("\ufeff"):
        text = text[1:]
    return text


def _document(where: str, doc_id: str, text: str, **meta: str | None) -> InputItem:
    if not text.strip():
        return InputError(where, "empty document, nothing to extract")
    return Document(id=doc_id, text=text, source=where, **meta)


def _too_large(size: int, limit: int) -> str:
    return (
        f"too large ({size / 1e6:.1f} MB; the limit is {limit / 1e6:.1f} MB, "
        "raise it with --max-size)"
    )


def _read_corpus(path: Path, max_bytes: int) -> Iterator[InputItem]:
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield InputError(str(path), f"cannot read: {exc.strerror or exc}")
        return
    with handle:
        for number, line in enumerate(handle, 1):
            yield from _corpus_line(f"{path}:{number}", line, max_bytes)


def _corpus_line(where: str, line: bytes, max_bytes: int) -> Iterator[InputItem]:
    if not line.strip():
        return
    if len(line) > max_bytes:
        yield InputError(where, _too_large(len(line), max_bytes))
        return
    text = decode_text(where, line)
    if isinstance(text, InputError):
        yield text
        return
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        yield InputError(where, f"not a JSON object: {exc.msg} (column {exc.colno})")
        return
    if not isinstance(record, dict):
        yield InputError(where, "not a JSON object")
        return
    doc_id, body = record.get("id"), record.get("text")
    if not isinstance(doc_id, (str, int)) or str(doc_id).strip() == "":
        yield InputError(where, "missing 'id'")
        return
    if not isinstance(body, str):
        yield InputError(f"{where} (id {doc_id})", "missing 'text' (a string)")
        return
    yield _document(
        f"{where} (id {doc_id})",
        str(doc_id),
        body,
        title=_optional_str(record.get("title")),
        date=normalize_date(record.get("date")),
        url=_optional_str(record.get("url")),
    )


def _optional_str(value: object) -> str | None:
    return None if value is None else str(value)


def _read_stdin(stream: IO[str], max_bytes: int) -> Iterator[InputItem]:
    raw = stream.buffer.read() if hasattr(stream, "buffer") else stream.read().encode("utf-8")
    lines = [line for line in raw.splitlines() if line.strip()]
    if lines and all(line.lstrip().startswith(b"{") for line in lines):
        for number, line in enumerate(raw.splitlines(), 1):
            yield from _corpus_line(f"<stdin>:{number}", line, max_bytes)
        return
    if len(raw) > max_bytes:
        yield InputError("<stdin>", _too_large(len(raw), max_bytes))
        return
    text = decode_text("<stdin>", raw)
    if isinstance(text, InputError):
        yield text
        return
    yield _document("<stdin>", "stdin", text)


def analysis_text(text: str) -> str:
    """The text the parser reads: markup replaced by whitespace of the same length.

    Keeping every character's offset lets spans found in the masked text index the original.
    """
    if not _MARKUP.search(text):
        return text

    def blank(match: re.Match[str]) -> str:
        chunk = match.group(0)
        fill = re.sub(r"[^\n]", " ", chunk)
        if _BLOCK_TAG.match(chunk) and "\n" not in chunk:
            fill = "\n" + fill[1:]
        return fill

    masked = _HIDDEN_BLOCK.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    masked = _COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), masked)
    masked = _TAG.sub(blank, masked)
    return masked
