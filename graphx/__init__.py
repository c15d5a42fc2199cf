"""graphx: conflict news in, a typed, directed actor-relationship graph (with its evidence) out.

The Python API does what the command line does, on records instead of files::

    import graphx

    # texts, paths (files, folders, .jsonl corpora) or Document records
    mentions = list(graphx.extract(["Iran-backed militias attacked US forces."]))
    [(m.source.actor.name, m.relation, m.target.actor.name) for m in mentions]
    # [('Iran', 'supports', 'Popular Mobilization Forces'),
    #  ('Popular Mobilization Forces', 'strikes', 'US military')]
    mentions[1].sentence, mentions[1].target.text, mentions[1].doc
    # ('Iran-backed militias attacked US forces.', 'US forces', 'text-…')

    # documents read first give the store their titles, dates, urls and outlets
    documents = list(graphx.read_documents(["data/corpus"]))
    mentions = list(graphx.extract(documents))

    with graphx.open_store("news.lbdb") as store:  # embedded; neo4j_uri=... for a server
        report = graphx.load(store, mentions, documents)
        report.mentions_added, report.counts["actors"]

        strikes = graphx.Selection(relations=("strikes",), since="2020")
        graph = graphx.read_network(store, strikes)  # a networkx MultiDiGraph
        graph.number_of_nodes(), graph.number_of_edges()

        graphx.write_view(store, "kh.html", graphx.Selection(actor="Kataib Hezbollah"))
        graphx.export(store, "strikes.gexf", "gexf", strikes)

Every error graphx raises on purpose is a `GraphxError` (all of them are exported here: see
graphx.errors for the tree). Importing graphx is cheap: spaCy, the database drivers, networkx
and pyvis are imported only by the functions that need them.
"""

import hashlib
import itertools
import os
import pathlib
import typing

from graphx.errors import (
    ActorNotFound,
    AmbiguousActor,
    ClusterError,
    DependencyMissing,
    DocumentTimeout,
    ExportError,
    ExtractOutputGiven,
    GraphxError,
    InputError,
    KnowledgeBaseError,
    ModelError,
    OptionError,
    OutputError,
    QueryError,
    SelectionError,
    StoreDamaged,
    StoreError,
    StoreInterrupted,
    StoreInUse,
    StoreMissing,
    StoreOutdated,
    StoreReadOnly,
    StoreUnavailable,
    ViewError,
)
from graphx.models import Actor, ActorMention, Document, RelationMention

if typing.TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

    import networkx as nx

    from graphx.extraction.kb import KnowledgeBase
    from graphx.extraction.pipeline import Extractor
    from graphx.serve.export import ExportResult
    from graphx.serve.network import Selection
    from graphx.store.base import GraphStore, LoadReport

    KnowledgeBaseChoice = KnowledgeBase | str | os.PathLike[str] | Iterable[str | os.PathLike[str]]
    Input = str | os.PathLike[str] | Document

__all__ = [
    "Actor",
    "ActorMention",
    "ActorNotFound",
    "AmbiguousActor",
    "ClusterError",
    "DependencyMissing",
    "Document",
    "DocumentTimeout",
    "ExportError",
    "ExtractOutputGiven",
    "GraphxError",
    "InputError",
    "KnowledgeBaseError",
    "ModelError",
    "OptionError",
    "OutputError",
    "QueryError",
    "RelationMention",
    "Selection",
    "SelectionError",
    "StoreDamaged",
    "StoreError",
    "StoreInUse",
    "StoreInterrupted",
    "StoreMissing",
    "StoreOutdated",
    "StoreReadOnly",
    "StoreUnavailable",
    "ViewError",
    "__version__",
    "export",
    "extract",
    "load",
    "open_store",
    "read_documents",
    "read_network",
    "write_view",
]


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("graphx")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "0+unknown"


__version__ = _version()

# Names imported on first use (PEP 562), so `import graphx` stays light.
_LAZY = {"Selection": "graphx.serve.network"}


def __getattr__(name: str) -> typing.Any:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'graphx' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


# ----------------------------------------------------------------------------- extraction
# Texts that name no existing file but look like a path: a typo in a path is an error, not a
# one-word document.
_PATH_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm", ".jsonl"})


def read_documents(
    inputs: "Iterable[Input] | Input", *, on_error: "Callable[[InputError], None] | None" = None
) -> "Iterator[Document]":
    """The documents `inputs` name, in order, as `graphx extract` reads them.

    Each input is a `Document` (taken as it is), a path (a `pathlib.Path`, or a string naming
    an existing file or folder: text, Markdown and HTML files, folders of them, .jsonl
    corpora), or else a text. A text's document id is `text-` and the first 12 hex digits of
    the SHA-256 of its UTF-8 bytes, so the same text always gets the same id (loading it again
    changes nothing) and two texts never share one; its title is its first line.

    A path that does not exist, a string that looks like a path (no spaces, a `/` or a
    document suffix) naming nothing, an empty text, and a file of `graphx extract` output are
    raised at once (InputError, ExtractOutputGiven), before anything is read. A document that
    cannot be read (a binary file in a folder, a bad JSON line) is raised as an InputError
    when reached, or handed to `on_error` and skipped."""
    return _documents(_items(inputs), on_error)


def _documents(
    items: "Iterator[Document | InputError]", on_error: "Callable[[InputError], None] | None"
) -> "Iterator[Document]":
    for item in items:
        if isinstance(item, InputError):
            _fail(item, on_error)
        else:
            yield item


def _fail(error: InputError, on_error: "Callable[[InputError], None] | None") -> None:
    if on_error is None:
        raise error
    on_error(error)


def _items(inputs: "Iterable[Input] | Input") -> "Iterator[Document | InputError]":
    """Every input checked now, read lazily: consecutive paths are read together (as the
    command line reads its arguments), so an input named twice is read once."""
    from graphx.extraction.documents import document_title, read_inputs

    if isinstance(inputs, str | os.PathLike | Document):
        inputs = [inputs]
    segments: list[typing.Any] = []
    paths: list[str] = []
    for number, given in enumerate(inputs, 1):
        if isinstance(given, Document):
            document: Document | None = given
        elif isinstance(given, os.PathLike) or (isinstance(given, str) and _is_path(given)):
            paths.append(_existing_path(given))
            continue
        elif isinstance(given, str):
            if not given.strip():
                raise InputError(f"text {number}", "empty document, nothing to extract")
            digest = hashlib.sha256(given.encode("utf-8")).hexdigest()[:12]
            document = Document(
                id=f"text-{digest}",
                text=given,
                source=f"text {number}",
                title=document_title(given),
            )
        else:
            raise OptionError(
                f"input {number}: a text, a path or a Document, not {type(given).__name__}"
            )
        if paths:
            segments.append(read_inputs(paths))  # refuses extract output now
            paths = []
        segments.append([document])
    if paths:
        segments.append(read_inputs(paths))
    return itertools.chain.from_iterable(segments)


def _is_path(text: str) -> bool:
    if os.path.exists(text):
        return True
    if not text or any(char.isspace() for char in text):
        return False
    return "/" in text or os.sep in text or pathlib.Path(text).suffix.lower() in _PATH_SUFFIXES


def _existing_path(given: "str | os.PathLike[str]") -> str:
    path = os.fspath(given)
    if not os.path.exists(path):
        broken = os.path.islink(path)
        raise InputError(path, "broken symbolic link" if broken else "no such file or folder")
    return path


def extract(
    texts_or_paths: "Iterable[Input] | Input",
    kb: "KnowledgeBaseChoice | None" = None,
    jobs: int = 1,
    *,
    on_error: "Callable[[InputError], None] | None" = None,
) -> "Iterator[RelationMention]":
    """The relation mentions stated in `texts_or_paths`, document by document, in input order.

    Inputs are read as `read_documents` reads them (texts, paths, Documents; bad paths raised
    at once). `kb`: None for the bundled knowledge base, a KnowledgeBase, or knowledge-base
    YAML file(s) loaded over the bundled one (as `--kb`). `jobs` > 1 extracts in that many
    worker processes. A document that cannot be read is raised as an InputError when reached,
    or handed to `on_error` and skipped. Negated statements are left out.

    Each RelationMention carries its document id (`doc`), relation type, source and target
    ActorMentions (actor, span, text), sentence and its span, date, claimant, confidence and
    rule; `graphx extract` writes exactly these as JSON Lines."""
    from graphx.extraction.pipeline import extract_stream

    if jobs < 1:
        raise OptionError(f"jobs must be 1 or more, not {jobs}")
    knowledge_base, files = _knowledge_base(kb)
    if jobs > 1 and files is None:
        import multiprocessing

        if "fork" not in multiprocessing.get_all_start_methods():
            raise OptionError(
                "jobs > 1 needs the knowledge base as files here: worker processes load it"
            )
    items = _items(texts_or_paths)
    extractor = _extractor(knowledge_base)
    stream = extract_stream(
        items, jobs=jobs, kb=knowledge_base, kb_files=files or (), extractor=extractor
    )
    return _relations(stream, on_error)


def _relations(
    stream: "Iterator[typing.Any]", on_error: "Callable[[InputError], None] | None"
) -> "Iterator[RelationMention]":
    for item in stream:
        if isinstance(item, InputError):
            _fail(item, on_error)
            continue
        yield from item[1]


def _knowledge_base(
    kb: "KnowledgeBaseChoice | None",
) -> "tuple[KnowledgeBase, list[str] | None]":
    """The knowledge base `kb` names and the files it was loaded from (None: a given one)."""
    from graphx.extraction.kb import KnowledgeBase, load_knowledge_base

    if isinstance(kb, KnowledgeBase):
        return kb, None
    if kb is None:
        files: list[str] = []
    elif isinstance(kb, str | os.PathLike):
        files = [os.fspath(kb)]
    else:
        files = [os.fspath(f) for f in kb]
    return load_knowledge_base(files), files


_cached_extractor: "Extractor | None" = None


def _extractor(kb: "KnowledgeBase") -> "Extractor":
    """An extractor for `kb`; the spaCy model is loaded once per process, not once a call."""
    global _cached_extractor
    from graphx.extraction.pipeline import Extractor

    cached = _cached_extractor
    if cached is None or cached.kb is not kb:
        cached = Extractor(kb=kb, nlp=cached.nlp if cached is not None else None)
        _cached_extractor = cached
    return cached


# ----------------------------------------------------------------------------- store
def open_store(
    db: "str | os.PathLike[str] | None" = None,
    neo4j_uri: str | None = None,
    *,
    database: str | None = None,
    read_only: bool = False,
) -> "GraphStore":
    """A graph store: the embedded (LadybugDB) store in the file `db`, or the Neo4j server at
    `neo4j_uri` (`database` names its database). With neither, as the command line: $NEO4J_URI,
    else $GRAPHX_DB, else ./graphx.lbdb. Close it (or use it in a `with` block) when done.

    `read_only` opens it for reading: writes are refused (StoreReadOnly) and a store that is
    not there is StoreMissing rather than created. Raises StoreError subclasses (unreachable
    server, store in use, damaged file) and OptionError for an empty `db` or `neo4j_uri`."""
    from graphx.store import open_store as open_chosen

    return open_chosen(
        neo4j=neo4j_uri,
        db=os.fspath(db) if db is not None else None,
        database=database,
        read_only=read_only,
    )


def load(
    store: "GraphStore",
    mentions: "Iterable[RelationMention]",
    documents: "Iterable[Document] | None" = None,
    *,
    kb: "KnowledgeBaseChoice | None" = None,
) -> "LoadReport":
    """Load relation mentions (as `extract` yields them) into `store` and return the report
    (documents, mentions added / removed / kept, edges added / removed, `counts` of the store).

    `documents`, the Documents the mentions come from, gives them their titles, dates, urls
    and outlets in the store (outlets count an edge's `sources`), and makes a node of each
    even with no mention; without it, a document keeps the metadata the store has. Loading
    is idempotent, and a document's mentions replace the ones it had. `kb` as in `extract`."""
    from graphx.store.loading import load_relations

    knowledge_base, _ = _knowledge_base(kb)
    return load_relations(store, mentions, documents or (), kb=knowledge_base)


# ----------------------------------------------------------------------------- serving
def _resolved(store: "GraphStore", selection: "Selection | None") -> "Selection":
    """`selection` checked, its actor resolved from a name, alias or id to an id."""
    from dataclasses import replace

    from graphx.serve.lookup import resolve_actor
    from graphx.serve.network import Selection, check_date, parse_relations

    selection = selection or Selection()
    if isinstance(selection.relations, str):  # relations="strikes" means one type
        selection = replace(selection, relations=(selection.relations,))
    return replace(
        selection,
        actor=resolve_actor(store, selection.actor).id if selection.actor else None,
        relations=parse_relations(",".join(selection.relations)),
        since=check_date("since", selection.since),
        until=check_date("until", selection.until),
    )


def read_network(store: "GraphStore", selection: "Selection | None" = None) -> "nx.MultiDiGraph":
    """The selected part of the stored graph as a networkx MultiDiGraph: nodes are actor ids
    with their properties, edges the typed relations keyed by relation type, with their
    counts (mentions, documents, sources), first and last dates, weight and kb mark.
    `selection.actor` may be a name, alias or id (ActorNotFound, AmbiguousActor)."""
    from graphx.serve.network import read_network as read_selected

    return read_selected(store, _resolved(store, selection))


def write_view(
    store: "GraphStore",
    path: "str | os.PathLike[str]",
    selection: "Selection | None" = None,
    title: str = "graphx network",
) -> pathlib.Path:
    """Write the interactive HTML view of the selected graph to `path` (self-contained, works
    offline) and return its path. Nothing to show is a ViewError (and no file); a page too big
    to be quick is written with a UserWarning."""
    import warnings

    from graphx.serve.view import build_view
    from graphx.serve.view import write_view as write_page

    page = build_view(store, _resolved(store, selection), title=title)
    for warning in page.warnings:
        warnings.warn(warning, UserWarning, stacklevel=2)
    return write_page(page, path)


def export(
    store: "GraphStore",
    path: "str | os.PathLike[str]",
    format: str,
    selection: "Selection | None" = None,
) -> "ExportResult":
    """Export the selected graph to `path` as `format`: graphml, gexf, json (node-link), csv
    (nodes.csv and edges.csv in the folder `path`) or events (a CSV row per event). Returns
    the files written and what they hold; an unknown format is an ExportError."""
    from graphx.serve.export import export_store

    return export_store(store, _resolved(store, selection), format, path)
