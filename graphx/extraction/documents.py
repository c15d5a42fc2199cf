"""Reading documents: text and Markdown files, folders, JSON Lines corpora and standard input,
and the same behind fsspec URLs (`s3://...`, `gs://...`, `file://...`) when fsspec is installed.

Readers yield a `Document` for each good input and an `InputError` (not raised) for each bad
one, so one broken file never stops a corpus.  Text is kept exactly as decoded (a byte-order
mark removed): spans index into it.

A document's id is unique within one run and stable across runs: a file found under a folder
is keyed by its path relative to that folder, without the suffix (`2024/report`); a file
named directly by its stem; a JSON Lines record by its `id`; standard input by a hash of its
bytes (`stdin-<12 hex>`) unless the caller names it.  Two inputs with one id are an error for
the second, never a merge.

A document's title is its first non-empty line (a text or Markdown file, standard input), its
`<title>` (HTML) or its `title` field (JSON Lines); its outlet is the `outlet` (or
`source_name`) field, else the host of its `url`.  A JSON Lines file of relation mentions
(what `graphx extract` writes) is refused as a whole, pointing to `graphx load`.
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import html
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path, PurePosixPath
from typing import IO, Any
from urllib.parse import urlsplit

from graphx.errors import ExtractOutputGiven, InputError, OptionError
from graphx.extraction.dates import normalize_date
from graphx.models import Document

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm"})
CORPUS_SUFFIXES = frozenset({".jsonl", ".ndjson"})
DEFAULT_MAX_BYTES = 5_000_000
STDIN = "-"

_BINARY_PROBE = 8192
# Longest byte-order marks first: the UTF-32 LE mark begins with the UTF-16 LE one.
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
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

MAX_TITLE = 200
# A title is looked for near the top only: a document of one 10 MB line costs nothing more.
_TITLE_WINDOW = 4096
_HTML_TITLE_WINDOW = 65536
_HTML_TITLE = re.compile(r"<title\b[^>]{0,500}>(.{0,4000}?)</title\s*>", re.IGNORECASE | re.DOTALL)
_HTML_SUFFIXES = frozenset({".html", ".htm"})
_MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+|\s+#+\s*$")
# What every record `graphx extract` writes has, and no document record needs.
EXTRACT_OUTPUT_KEYS = frozenset({"doc", "relation", "source", "target"})
_EXTRACT_PROBE_LINES = 5
_EXTRACT_PROBE_BYTES = 65536

# spaCy's tokenizer strips prefixes and suffixes one at a time, re-searching the rest of the
# token each time: a token of thousands of '<', '(' or '"' takes minutes.  No prose has them.
LONG_TOKEN = 100
PUNCTUATION_RUN = 3
_TOKENIZER_TRAPS = re.compile(rf"\S{{{LONG_TOKEN + 1},}}|([^\w\s])\1{{{PUNCTUATION_RUN},}}")

# "s3://bucket/key", "gs://...", "file:///tmp/x.txt", "https://...": a scheme of two letters or
# more, so a Windows drive ("C:/") is a path
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]+://")
_GLOB = re.compile(r"[*?\[]")
FSSPEC_HINT = "pip install fsspec, and the package of its file system (s3fs, gcsfs ...)"

InputItem = Document | InputError
Warn = Callable[[str], None]


def read_inputs(
    paths: Iterable[str],
    *,
    stdin: IO[str] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    doc_id: str | None = None,
    warn: Warn | None = None,
) -> Iterator[InputItem]:
    """Every document named by `paths` (files, folders, corpora, '-'), in the order given.

    `doc_id` names the document read from standard input ('-' must be among `paths`, once).
    `warn` hears about inputs named twice (they are read once).  Raises OptionError at once
    for a misused `doc_id`, and ExtractOutputGiven at once for a JSON Lines file of relation
    mentions among the inputs (on standard input, when it is read); every other problem with
    an input is yielded as an InputError.
    """
    paths = list(paths)
    if doc_id is not None:
        if not doc_id.strip():
            raise OptionError("--doc-id must not be empty")
        if STDIN not in paths:
            raise OptionError(
                f"--doc-id {doc_id!r} names the document read from standard input, "
                "but '-' is not among the paths"
            )
        if paths.count(STDIN) > 1:
            raise OptionError(
                f"--doc-id {doc_id!r} would name more than one document: '-' is given twice"
            )
    refuse_extract_output(paths)
    reader = _Reader(stdin, max_bytes, doc_id, warn or (lambda message: None))
    return reader.items(paths)


def refuse_extract_output(paths: Iterable[str]) -> None:
    """Raise ExtractOutputGiven for the first of `paths` (or corpus file under a folder among
    them) that holds relation mentions: checked before any document is read, so nothing is
    half-loaded.  Standard input is checked when it is read."""
    for raw in paths:
        if raw != STDIN and not is_url(raw):
            _refuse_path_of_mentions(Path(raw))


def _refuse_path_of_mentions(path: Path) -> None:
    if path.is_dir():
        corpora: Iterable[Path] = (
            entry[0]
            for entry in _walk(path)
            if not isinstance(entry, InputError) and entry[0].suffix.lower() in CORPUS_SUFFIXES
        )
    elif path.suffix.lower() not in TEXT_SUFFIXES and path.is_file():
        # a file named directly is read whatever its suffix: `extract -o out.json` too
        corpora = [path]
    else:
        return
    for corpus in corpora:
        try:
            given = is_extract_output(corpus)
        except OSError:
            continue  # the reader names what cannot be read, in its place
        if given:
            raise ExtractOutputGiven(str(corpus))


def is_extract_output(path: Path) -> bool:
    """Whether the file at `path` holds relation mentions (graphx extract's output), judged
    from its first records. OSError when it cannot be read."""
    with path.open("rb") as handle:
        return looks_like_extract_output(handle.read(_EXTRACT_PROBE_BYTES))


def looks_like_extract_output(head: bytes) -> bool:
    """Whether the first records of JSON Lines (their first bytes) are relation mentions, as
    `graphx extract` writes them, rather than documents."""
    lines = [line for line in head.splitlines() if line.strip()][:_EXTRACT_PROBE_LINES]
    for line in lines:
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError):
            continue  # a cut-off or broken line: look at the next
        if not isinstance(record, dict):
            continue
        return "text" not in record and record.keys() >= EXTRACT_OUTPUT_KEYS
    return False


class _Reader:
    """One run's reading: remembers the files read and the ids given, to refuse duplicates."""

    def __init__(self, stdin: IO[str] | None, max_bytes: int, doc_id: str | None, warn: Warn):
        self.stdin = stdin
        self.max_bytes = max_bytes
        self.doc_id = doc_id
        self.warn = warn
        self.files: dict[str, str] = {}  # resolved path -> the path it was first read as
        self.ids: dict[str, str] = {}  # document id -> where it was first read

    def items(self, paths: list[str]) -> Iterator[InputItem]:
        for raw in paths:
            if raw == STDIN:
                if STDIN in self.files:
                    self.warn("'-' is named twice; standard input is read once")
                    continue
                self.files[STDIN] = STDIN
                stream = self.stdin if self.stdin is not None else sys.stdin
                yield from self._unique(_read_stdin(stream, self.max_bytes, self.doc_id))
                continue
            if is_url(raw):
                yield from self._url(raw)
                continue
            path = Path(raw)
            problem = _named_path_problem(path)
            if problem is not None:
                yield InputError(raw, problem)
            elif path.is_dir():
                yield from self._folder(path)
            else:
                yield from self._file(path, path.stem)

    def _folder(self, root: Path) -> Iterator[InputItem]:
        found = False
        for entry in _walk(root):
            found = True
            if isinstance(entry, InputError):
                yield entry
                continue
            file, relative_id = entry
            yield from self._file(file, relative_id)
        if not found:
            yield InputError(str(root), "folder holds no .txt, .md, .html or .jsonl files")

    def _file(self, path: Path, doc_id: str) -> Iterator[InputItem]:
        resolved = os.path.realpath(path)
        first = self.files.get(resolved)
        if first is not None:
            again = "named twice" if first == str(path) else f"the same file as {first}"
            self.warn(f"{path}: {again}; read once")
            return
        self.files[resolved] = str(path)
        if path.suffix.lower() in CORPUS_SUFFIXES:
            yield from self._unique(_read_corpus(path, self.max_bytes))
        else:
            yield from self._unique([_read_text_file(path, doc_id, self.max_bytes)])

    def _url(self, url: str) -> Iterator[InputItem]:
        """The documents an fsspec URL names: a file, a folder (read recursively, ids relative
        to it as for a local folder) or a glob (`s3://bucket/news/*.jsonl`)."""
        try:
            import fsspec
        except ImportError:
            yield InputError(url, f"reading a URL needs fsspec: {FSSPEC_HINT}")
            return
        try:
            fs, _, found = fsspec.get_fs_token_paths(url)
            listing = [(name, fs.isdir(name)) for name in sorted(found)]
        except ImportError as exc:  # fsspec names the package: "Install s3fs to access S3"
            yield InputError(url, f"cannot read: {exc}")
            return
        except (OSError, ValueError) as exc:
            yield InputError(url, f"cannot read: {_reason(exc)}")
            return
        if not listing:
            yield InputError(url, "no file matches" if _GLOB.search(url) else "no such file")
            return
        for name, is_folder in listing:
            if not is_folder:
                yield from self._remote_file(fs, name, PurePosixPath(name).stem)
                continue
            root = name.rstrip("/")
            try:
                files = sorted(fs.find(root))
            except (OSError, ValueError) as exc:
                yield InputError(fs.unstrip_protocol(root), f"cannot read folder: {_reason(exc)}")
                continue
            taken = False
            for file in files:
                relative = PurePosixPath(file[len(root) :].lstrip("/"))
                hidden = any(part.startswith(".") for part in relative.parts)
                if hidden or relative.suffix.lower() not in TEXT_SUFFIXES | CORPUS_SUFFIXES:
                    continue
                taken = True
                yield from self._remote_file(fs, file, str(relative.with_suffix("")))
            if not taken:
                yield InputError(
                    fs.unstrip_protocol(root), "folder holds no .txt, .md, .html or .jsonl files"
                )

    def _remote_file(self, fs: Any, name: str, doc_id: str) -> Iterator[InputItem]:
        where = fs.unstrip_protocol(name)
        if where in self.files:
            self.warn(f"{where}: named twice; read once")
            return
        self.files[where] = where
        suffix = PurePosixPath(name).suffix.lower()
        try:
            with fs.open(name, "rb") as handle:
                if suffix in CORPUS_SUFFIXES:
                    head = handle.read(_EXTRACT_PROBE_BYTES)
                    if looks_like_extract_output(head):
                        raise ExtractOutputGiven(where, "download it and use graphx load FILE")
                    handle.seek(0)
                    yield from self._unique(_corpus_lines(where, handle, self.max_bytes))
                    return
                size = fs.size(name)
                if size is not None and size > self.max_bytes:
                    yield InputError(where, _too_large(size, self.max_bytes))
                    return
                data = handle.read()
        except FileNotFoundError:
            yield InputError(where, "no such file or folder")
            return
        except (OSError, ValueError) as exc:
            yield InputError(where, f"cannot read: {_reason(exc)}")
            return
        text = decode_text(where, data)
        if isinstance(text, InputError):
            yield text
            return
        yield from self._unique(
            [_document(where, doc_id, text, title=document_title(text, suffix or ".txt"))]
        )

    def _unique(self, items: Iterable[InputItem]) -> Iterator[InputItem]:
        for item in items:
            if isinstance(item, Document):
                first = self.ids.get(item.id)
                if first is not None:
                    yield InputError(
                        item.source,
                        f"document id {item.id!r} is already used by {first}; skipped "
                        "(ids must be unique in one run)",
                    )
                    continue
                self.ids[item.id] = item.source
            yield item


def is_url(raw: str) -> bool:
    """Whether an input names a URL (`s3://...`, `gs://...`, `file://...`), read with fsspec."""
    return _URL.match(raw) is not None


def _reason(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__


def _named_path_problem(path: Path) -> str | None:
    """Why a path named on the command line cannot be read, or None."""
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop"
        if exc.errno == errno.ENOENT and path.is_symlink():
            return f"broken symbolic link (to {os.readlink(path)})"
        if exc.errno == errno.ENOENT:
            return "no such file or folder"
        if exc.errno == errno.EACCES:
            return "permission denied"
        return f"cannot read: {exc.strerror or exc}"
    return None


def _walk(root: Path) -> Iterator[tuple[Path, str] | InputError]:
    """(file, id) for each input file under `root`, in sorted path order, and an InputError
    for each subfolder, link or loop that could not be followed.  Hidden entries are skipped."""
    real_root = os.path.realpath(root)
    yield from _walk_folder(root, (), {real_root: str(root)}, top=True)


def _walk_folder(
    folder: Path, parts: tuple[str, ...], ancestors: dict[str, str], top: bool = False
) -> Iterator[tuple[Path, str] | InputError]:
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda e: e.name)
    except PermissionError:
        reason = "permission denied" if top else "permission denied; the files in it were skipped"
        yield InputError(str(folder), reason)
        return
    except OSError as exc:
        yield InputError(str(folder), f"cannot read folder: {exc.strerror or exc}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = folder / entry.name
        if entry.is_symlink():
            problem = _link_problem(path)
            if problem is not None:
                yield InputError(str(path), problem)
                continue
        try:
            is_folder = entry.is_dir()
            is_file = not is_folder and entry.is_file()
        except OSError as exc:
            yield InputError(str(path), f"cannot read: {exc.strerror or exc}")
            continue
        if is_folder:
            real = os.path.realpath(path)
            if real in ancestors:
                yield InputError(str(path), f"symbolic link loop (back to {ancestors[real]})")
                continue
            yield from _walk_folder(path, (*parts, entry.name), {**ancestors, real: str(path)})
        elif is_file and Path(entry.name).suffix.lower() in TEXT_SUFFIXES | CORPUS_SUFFIXES:
            yield path, "/".join((*parts, Path(entry.name).stem))


def _link_problem(path: Path) -> str | None:
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop"
        if exc.errno == errno.ENOENT:
            return f"broken symbolic link (to {os.readlink(path)})"
        return f"cannot follow symbolic link: {exc.strerror or exc}"
    return None


def _read_text_file(path: Path, doc_id: str, max_bytes: int) -> InputItem:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return InputError(str(path), _too_large(size, max_bytes))
        data = path.read_bytes()
    except OSError as exc:
        return InputError(str(path), f"cannot read: {exc.strerror or exc}")
    text = decode_text(str(path), data)
    if isinstance(text, InputError):
        return text
    return _document(str(path), doc_id, text, title=document_title(text, path.suffix))


def decode_text(where: str, data: bytes) -> str | InputError:
    """Text from bytes (UTF-8, or UTF-16/32 with a byte-order mark; the mark is dropped), or
    an error saying why they are not a readable text document."""
    for bom, encoding in _WIDE_BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)  # the codec consumes the mark
            except UnicodeDecodeError as exc:
                name = encoding.upper()
                return InputError(where, f"not valid {name} ({exc.reason} at offset {exc.start})")
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


def document_title(text: str, suffix: str = ".txt") -> str | None:
    """The title a file's text gives itself: an HTML page's `<title>` (entities decoded), else
    the first non-empty line (Markdown heading marks dropped); whitespace runs become one
    space and a long title is cut at a word, to MAX_TITLE characters.  None when empty."""
    suffix = suffix.lower()
    if suffix in _HTML_SUFFIXES:
        match = _HTML_TITLE.search(text, 0, _HTML_TITLE_WINDOW)
        return _bounded(html.unescape(_TAG.sub(" ", match.group(1)))) if match else None
    for line in text[:_TITLE_WINDOW].splitlines():
        if line.strip():
            if suffix in _MARKDOWN_SUFFIXES:
                line = _MARKDOWN_HEADING.sub("", line.strip())
            return _bounded(line)
    return None


def _bounded(title: str) -> str | None:
    title = " ".join(title.split())
    if len(title) <= MAX_TITLE:
        return title or None
    cut = title[: MAX_TITLE - 1]
    if " " in cut[MAX_TITLE // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:-") + "…"


def document_outlet(named: object, url: str | None) -> str | None:
    """Who published a document: the outlet it names, else its URL's host without "www."."""
    if isinstance(named, str) and named.strip():
        return " ".join(named.split())
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:  # a malformed URL (an unclosed IPv6 bracket) names no host
        return None
    if not host:
        return None
    return host[len("www.") :] if host.startswith("www.") else host


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
        try:
            head = handle.read(4)
            handle.seek(0)
        except OSError as exc:
            yield InputError(str(path), f"cannot read: {exc.strerror or exc}")
            return
        yield from _corpus_lines(str(path), handle, max_bytes, head)


def _corpus_lines(
    where: str, handle: IO[bytes], max_bytes: int, head: bytes | None = None
) -> Iterator[InputItem]:
    """The documents of a JSON Lines corpus open at its start (`head`: its first bytes,
    when already read and the handle sought back)."""
    if head is None:
        head = handle.read(4)
        handle.seek(0)
    if any(head.startswith(bom) for bom, _ in _WIDE_BOMS):
        yield InputError(where, "JSON Lines must be UTF-8 (this file is UTF-16 or 32)")
        return
    for number, line in enumerate(handle, 1):
        yield from _corpus_line(f"{where}:{number}", line, max_bytes)


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
    url = _optional_str(record.get("url"))
    yield _document(
        f"{where} (id {doc_id})",
        str(doc_id),
        body,
        title=_optional_str(record.get("title")),
        date=normalize_date(record.get("date")),
        url=url,
        outlet=document_outlet(record.get("outlet") or record.get("source_name"), url),
    )


def _optional_str(value: object) -> str | None:
    return None if value is None else str(value)


def stdin_id(data: bytes) -> str:
    """The id of a document piped in: the same bytes always get the same id."""
    return f"stdin-{hashlib.sha256(data).hexdigest()[:12]}"


def _read_stdin(stream: IO[str] | None, max_bytes: int, doc_id: str | None) -> Iterator[InputItem]:
    if stream is None:  # the process was started with file descriptor 0 closed
        yield InputError("<stdin>", "standard input is closed")
        return
    try:
        raw = stream.buffer.read() if hasattr(stream, "buffer") else stream.read().encode("utf-8")
    except (OSError, ValueError) as exc:  # ValueError: the stream object itself was closed
        reason = getattr(exc, "strerror", None) or exc
        yield InputError("<stdin>", f"cannot read standard input: {reason}")
        return
    body = raw[len(codecs.BOM_UTF8) :] if raw.startswith(codecs.BOM_UTF8) else raw
    lines = [line for line in body.splitlines() if line.strip()]
    if lines and all(line.lstrip().startswith(b"{") for line in lines):
        if looks_like_extract_output(b"\n".join(lines[:_EXTRACT_PROBE_LINES])):
            raise ExtractOutputGiven("<stdin>", "save it to a file and use graphx load FILE")
        if doc_id is not None:
            yield InputError(
                "<stdin>",
                f"--doc-id {doc_id!r} would name more than one document: standard input is "
                "JSON Lines, each line has its own id",
            )
            return
        for number, line in enumerate(body.splitlines(), 1):
            yield from _corpus_line(f"<stdin>:{number}", line, max_bytes)
        return
    if len(raw) > max_bytes:
        yield InputError("<stdin>", _too_large(len(raw), max_bytes))
        return
    text = decode_text("<stdin>", raw)
    if isinstance(text, InputError):
        yield text
        return
    suffix = ".html" if _HTML_TITLE.search(text, 0, _HTML_TITLE_WINDOW) else ".txt"
    yield _document(
        "<stdin>",
        doc_id if doc_id is not None else stdin_id(raw),
        text,
        title=document_title(text, suffix),
    )


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


# "WASHINGTON, July 26, 2021 — ", "BAGHDAD (Reuters) - ", "BEIRUT — " opening a line
_DATELINE = re.compile(
    r"(?m)^[ \t]*[A-Z][A-Z.'\- ]{2,40}"
    r"(?:, [A-Z][a-z]{2,9}\.? \d{1,2}(?:, \d{4})?)?"
    r"(?: ?\([A-Za-z .]{2,30}\))?"
    r" ?(?:—|–|--|-) ?(?=[A-Z\"“])"
)


def set_off_datelines(text: str) -> str:
    """`text` with each dateline ("WASHINGTON, July 26, 2021 — ") blanked to spaces ending in
    a line break, length-preserving: the parser then starts the story's first sentence at its
    own subject ("President Joe Biden and ... struck a deal") instead of hanging it on the
    place name. Dates are read before this, from the text as it was."""

    def blank(match: re.Match[str]) -> str:
        return " " * (len(match.group(0)) - 1) + "\n"

    return _DATELINE.sub(blank, text)


def defuse_tokenizer_traps(text: str) -> str:
    """`text` with the runs spaCy's tokenizer is quadratic on blanked, length-preserving:
    a token of more than LONG_TOKEN characters without a space becomes spaces, and a run of
    more than PUNCTUATION_RUN identical punctuation marks keeps only its first ones.

    Offsets do not move, so spans found in the result index the original text."""
    if not _TOKENIZER_TRAPS.search(text):
        return text

    def blank(match: re.Match[str]) -> str:
        run = match.group(0)
        if match.group(1) is not None and len(run) <= LONG_TOKEN:
            return run[:PUNCTUATION_RUN] + " " * (len(run) - PUNCTUATION_RUN)
        return " " * len(run)

    return _TOKENIZER_TRAPS.sub(blank, text)
