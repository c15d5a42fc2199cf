"""The analyst query library (`cypher/*.cypher`): each file opens with a comment header saying
what it answers, its parameters (with defaults) and whether it runs on both stores.

    // What the query answers.
    // param: actor (actor) — the actor, by name or id   (required, resolved like lookups)
    // param: limit = 20 — number of rows                 (optional, with its default)
    // example: graphx query most_attacked --param limit=10
    // portable: yes

A parameter marked `(actor)` takes an actor as users type it: an id, a name, an alias or a
near miss, resolved against the store by the same rules as `graphx actor` (an exact id always
wins).  A query that declares its parameters refuses any other; `portable: no` marks a query
that only Neo4j runs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graphx.errors import GraphxError
from graphx.resources import cypher_dir

if TYPE_CHECKING:
    from graphx.store.base import GraphStore, QueryResult

_PARAM = re.compile(
    r"^//\s*param:\s*(?P<name>\w+)(?:\s*\((?P<kind>[^)]*)\))?(?:\s*=\s*(?P<default>\S+))?"
    r"\s*(?:—|-)\s*(?P<doc>.*)$"
)
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
ACTOR = "actor"
VALUE = "value"
_KINDS = frozenset({ACTOR, VALUE})


@dataclass(frozen=True)
class Param:
    """One declared parameter; `kind` is "actor" for one resolved from an actor's name."""

    name: str
    description: str
    default: Any = None
    required: bool = True
    kind: str = VALUE

    @property
    def is_actor(self) -> bool:
        return self.kind == ACTOR


@dataclass(frozen=True)
class LibraryQuery:
    name: str
    text: str
    summary: str
    params: tuple[Param, ...] = field(default_factory=tuple)
    portable: bool = True
    example: str = ""

    def parameters(self, given: Mapping[str, str]) -> dict[str, Any]:
        """The given parameters (typed like their defaults) plus defaults for the rest.

        A missing required parameter, or one the query does not declare, is an error.
        Actor parameters stay as typed here; `PreparedQuery.run` resolves them."""
        declared = {p.name: p for p in self.params}
        unknown = sorted(set(given) - set(declared))
        if unknown:
            raise GraphxError(
                f"query {self.name!r} has no parameter {_listed(unknown)}; " + self.parameter_list()
            )
        values: dict[str, Any] = {}
        for name, raw in given.items():
            param = declared[name]
            values[name] = raw if param.is_actor else _typed(raw, param.default)
        for param in self.params:
            if param.name not in values:
                if param.required:
                    raise GraphxError(
                        f"query {self.name!r} needs --param {param.name}=... ({param.description})"
                    )
                values[param.name] = param.default
        return values

    def parameter_list(self) -> str:
        """The query's parameters in one clause, for error messages."""
        if not self.params:
            return "it takes no parameters"
        shown = [p.name if p.required else f"{p.name}={json.dumps(p.default)}" for p in self.params]
        return f"its parameters: {', '.join(shown)}"


@dataclass(frozen=True)
class PreparedQuery:
    """A statement with its checked parameters, ready to run on a store."""

    name: str
    text: str
    parameters: dict[str, Any]
    actor_params: tuple[str, ...] = ()
    portable: bool = True

    def run(self, store: GraphStore) -> QueryResult:
        """Run on `store`: refuse a Neo4j-only query on the embedded store, resolve the actor
        parameters through the stored actors, then query."""
        if not self.portable:
            from graphx.store.embedded import EmbeddedStore

            if isinstance(store, EmbeddedStore):
                raise GraphxError(
                    f"query {self.name!r} runs on Neo4j only, not on the embedded store; "
                    "select Neo4j with --neo4j URI (or $NEO4J_URI)"
                )
        return store.query(self.text, resolve_actor_params(store, self))


def resolve_actor_params(store: GraphStore, prepared: PreparedQuery) -> dict[str, Any]:
    """`prepared.parameters` with each actor parameter replaced by the id it names.  An id
    stored as such is taken as it is; anything else resolves as in `graphx actor`, with the
    lookups' errors (ActorNotFound, AmbiguousActor)."""
    values = dict(prepared.parameters)
    wanted = [name for name in prepared.actor_params if isinstance(values.get(name), str)]
    if not wanted:
        return values
    from graphx.serve.lookup import ActorIndex
    from graphx.serve.network import read_actors

    actors = read_actors(store)
    index = ActorIndex(actors)
    for name in wanted:
        typed = values[name]
        # An exact id wins even where another actor's alias folds to the same form.
        values[name] = typed if typed in actors else index.resolve(typed).id
    return values


def parse_library_query(name: str, text: str) -> LibraryQuery:
    header = [line for line in text.splitlines() if line.startswith("//")]
    summary_lines, params, portable, example = [], [], True, ""
    for line in header:
        body = line[2:].strip()
        match = _PARAM.match(line)
        if match:
            params.append(_param(name, match))
        elif body.startswith("example:"):
            example = body[len("example:") :].strip()
        elif body.startswith("portable:"):
            portable = body[len("portable:") :].strip().startswith("yes")
        elif not params and not example:
            summary_lines.append(body)
    return LibraryQuery(name, text, " ".join(summary_lines), tuple(params), portable, example)


def _param(query: str, match: re.Match[str]) -> Param:
    kind = (match.group("kind") or VALUE).strip()
    if kind not in _KINDS:
        raise GraphxError(
            f"query {query!r}: parameter {match.group('name')!r} has unknown kind {kind!r} "
            f"(known: {', '.join(sorted(_KINDS))})"
        )
    default = match.group("default")
    try:
        value = json.loads(default) if default is not None else None
    except json.JSONDecodeError:
        raise GraphxError(
            f"query {query!r}: parameter {match.group('name')!r} has a default that is not "
            f"JSON: {default}"
        ) from None
    return Param(
        name=match.group("name"),
        description=match.group("doc").strip(),
        default=value,
        required=default is None,
        kind=kind,
    )


def library() -> list[LibraryQuery]:
    """Every query of the library, by name."""
    folder = cypher_dir()
    return sorted(
        (
            parse_library_query(entry.name[: -len(".cypher")], entry.read_text(encoding="utf-8"))
            for entry in folder.iterdir()
            if entry.name.endswith(".cypher")
        ),
        key=lambda q: q.name,
    )


def find_query(name: str) -> LibraryQuery | None:
    return next((q for q in library() if q.name == name), None)


def prepare_query(argument: str, given: Mapping[str, str]) -> PreparedQuery:
    """The statement and checked parameters for a library name, a .cypher file, or inline
    Cypher.  A .cypher file that declares no parameters, like inline Cypher, takes any."""
    if _NAME.match(argument):
        known = find_query(argument)
        if known is not None:
            return _prepared(known, given)
    path = Path(argument)
    if argument.endswith(".cypher"):
        if not path.is_file():
            raise GraphxError(f"{argument}: no such query file or library query")
        parsed = parse_library_query(path.stem, path.read_text(encoding="utf-8"))
        if parsed.params:
            return _prepared(parsed, given)
        return PreparedQuery(parsed.name, parsed.text, _untyped(given), portable=parsed.portable)
    if _NAME.match(argument):
        names = ", ".join(q.name for q in library())
        raise GraphxError(f"{argument!r} is not a library query (known: {names})")
    return PreparedQuery("inline", argument, _untyped(given))


def _prepared(query: LibraryQuery, given: Mapping[str, str]) -> PreparedQuery:
    return PreparedQuery(
        query.name,
        query.text,
        query.parameters(given),
        tuple(p.name for p in query.params if p.is_actor),
        query.portable,
    )


def _untyped(given: Mapping[str, str]) -> dict[str, Any]:
    return {name: _json_or_text(raw) for name, raw in given.items()}


def parse_params(pairs: Sequence[str]) -> dict[str, str]:
    """NAME=VALUE pairs, values as given (typed later, by the query's declared defaults)."""
    params: dict[str, str] = {}
    for pair in pairs:
        name, sep, raw = pair.partition("=")
        if not sep or not _NAME.match(name):
            raise GraphxError(f"--param {pair!r}: expected NAME=VALUE")
        params[name] = raw
    return params


def _listed(names: list[str]) -> str:
    return ", ".join(repr(n) for n in names)


def _json_or_text(raw: str) -> Any:
    try:
        return json.loads(raw)
    except json.JSONDecodeError:
        return raw


def _typed(raw: str, default: Any) -> Any:
    """A declared parameter takes its default's type ("2020" stays text for a date); one
    without a default is read as JSON when it parses (true, lists), numbers kept as text."""
    if isinstance(default, str):
        return raw
    try:
        value = json.loads(raw)
    except json.JSONDecodeError:
        if isinstance(default, (int, float)) and not isinstance(default, bool):
            raise GraphxError(f"--param value {raw!r} is not a number") from None
        return raw
    if isinstance(default, (int, float)) and not isinstance(value, (int, float)):
        raise GraphxError(f"--param value {raw!r} is not a number")
    if default is None and isinstance(value, (int, float)) and not isinstance(value, bool):
        return raw  # a declared parameter without default is an id or a name: keep the text
    return value
