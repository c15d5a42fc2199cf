"""YAML loaders that refuse a mapping with a key twice. YAML's own loaders keep the last of two
equal keys, so a second `granting_verbs:` in the lexicon, or a second `aliases:` in one actor of
a knowledge-base file, would silently replace the first: the files are refused instead."""

from __future__ import annotations

from typing import Any

import yaml


class _UniqueKeys:
    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: set[Any] = set()
        for key_node, _value in node.value:
            key = self.construct_object(key_node, deep=deep)  # type: ignore[attr-defined]
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)  # type: ignore[misc]


class UniqueKeyLoader(_UniqueKeys, yaml.SafeLoader):
    """yaml.SafeLoader, refusing duplicate keys."""


try:  # libyaml's parser is several times faster than the pure-Python one
    _FAST_BASE: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _FAST_BASE = yaml.SafeLoader


class FastUniqueKeyLoader(_UniqueKeys, _FAST_BASE):  # type: ignore[misc, valid-type]
    """libyaml's safe loader where PyYAML has it, refusing duplicate keys."""
