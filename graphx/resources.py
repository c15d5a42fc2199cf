"""Bundled data (`data/`) and queries (`cypher/`), read so that they work from a wheel too."""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parent.parent
_FOLDERS = {"graphx.data": "data", "graphx.cypher": "cypher"}


def _root(package: str) -> Traversable:
    try:
        return files(package)
    except ModuleNotFoundError:
        # Run from a source checkout without installing: the package sits beside data/ and cypher/.
        return _CHECKOUT / _FOLDERS[package]


def data_dir(*parts: str) -> Traversable:
    node = _root("graphx.data")
    for part in parts:
        node = node / part
    return node


def data_files(folder: str, suffix: str) -> list[tuple[str, str]]:
    """(name, text) of each bundled data file in `folder` ending in `suffix`, sorted by name."""
    directory = data_dir(folder)
    found = sorted(
        (entry for entry in directory.iterdir() if entry.name.endswith(suffix)),
        key=lambda entry: entry.name,
    )
    return [(f"data/{folder}/{entry.name}", entry.read_text(encoding="utf-8")) for entry in found]


def data_text(*parts: str) -> tuple[str, str]:
    """(name, text) of one bundled data file."""
    return "data/" + "/".join(parts), data_dir(*parts).read_text(encoding="utf-8")


def cypher_dir() -> Traversable:
    return _root("graphx.cypher")
