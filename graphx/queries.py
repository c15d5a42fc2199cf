"""The analyst query library (`cypher/*.cypher`): each file opens with a comment header saying
what it answers, its parameters (with defaults) and whether it runs on both stores.

    // What the query answers.
    // param: actor — actor id                       (required)
    // param: limit = 20 — number of rows             (optional, with its default)
    // example: graphx query most_attacked --param limit=10
    // portable: yes
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graphx.errors import GraphxError
from graphx.resources import cypher_dir

_PARAM = re.compile(
    r"^//\s*param:\s*(?P<name>\w+)(?:\s*=\s*(?P<default>\S+))?\s*(?:—|-)\s*(?P<doc>.*)$"
)
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass(frozen=True)
class Param:
    name: str
    description: str
    default: Any = None
    required: bool = True


@dataclass(frozen=True)
class LibraryQuery:
    name: str
    text: str
    summary: str
    params: tuple[Param, ...] = field(default_factory=tuple)
    portable: bool = True
    example: str = ""

    def parameters(self, given: dict[str, str]) -> dict[str, Any]:
        """The given parameters (typed like their defaults) plus defaults for the rest; a
        missing required one is an error."""
        declared = {p.name: p for p in self.params}
        values: dict[str, Any] = {}
        for name, raw in given.items():
            param = declared.get(name)
            values[name] = _typed(raw, param.default if param else None)
        for param in self.params:
            if param.name not in values:
                if param.required:
                    raise GraphxError(
                        f"query {self.name!r} needs --param {param.name}=... ({param.description})"
                    )
                values[param.name] = param.default
        return values


def parse_library_query(name: str, text: str) -> LibraryQuery:
    header = [line for line in text.splitlines() if line.startswith("//")]
    summary_lines, params, portable, example = [], [], True, ""
    for line in header:
        body = line[2:].strip()
        match = _PARAM.match(line)
        if match:
            default = match.group("default")
            params.append(
                Param(
                    name=match.group("name"),
                    description=match.group("doc").strip(),
                    default=json.loads(default) if default is not None else None,
                    required=default is None,
                )
            )
        elif body.startswith("example:"):
            example = body[len("example:") :].strip()
        elif body.startswith("portable:"):
            portable = body[len("portable:") :].strip().startswith("yes")
        elif not params and not example:
            summary_lines.append(body)
    return LibraryQuery(name, text, " ".join(summary_lines), tuple(params), portable, example)


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


def resolve_query(argument: str, given: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """(Cypher text, parameters) for a library name, a .cypher file, or inline Cypher."""
    if _NAME.match(argument):
        known = find_query(argument)
        if known is not None:
            return known.text, known.parameters(given)
    path = Path(argument)
    if argument.endswith(".cypher"):
        if not path.is_file():
            raise GraphxError(f"{argument}: no such query file or library query")
        text = path.read_text(encoding="utf-8")
        return text, parse_library_query(path.stem, text).parameters(given)
    if _NAME.match(argument):
        names = ", ".join(q.name for q in library())
        raise GraphxError(f"{argument!r} is not a library query (known: {names})")
    return argument, {name: _json_or_text(raw) for name, raw in given.items()}


def parse_params(pairs: Sequence[str]) -> dict[str, str]:
    """NAME=VALUE pairs, values as given (typed later, by the query's declared defaults)."""
    params: dict[str, str] = {}
    for pair in pairs:
        name, sep, raw = pair.partition("=")
        if not sep or not _NAME.match(name):
            raise GraphxError(f"--param {pair!r}: expected NAME=VALUE")
        params[name] = raw
    return params


def _json_or_text(raw: str) -> Any:
    try:
        return json.loads(raw)
    except json.JSONDecodeError:
        return raw


def _typed(raw: str, default: Any) -> Any:
    """A declared parameter takes its default's type ("2020" stays text for a date); an
    undeclared one is read as JSON when it parses (numbers, true, lists), else as text."""
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
