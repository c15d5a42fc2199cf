"""`import graphx` (and reaching its records, exceptions and Selection) imports neither spaCy,
nor a database driver, nor networkx, pyvis or igraph: those come with the functions that use
them. Checked in a fresh interpreter, where nothing else has imported them first."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("spacy", "ladybug", "neo4j", "networkx", "pyvis", "igraph", "dask", "distributed")


def _heavy_modules_after(statements: str) -> str:
    probe = f"{statements}; import sys; print(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True
    )
    return result.stdout.strip()


def test_import_graphx_imports_nothing_heavy():
    assert _heavy_modules_after("import graphx") == "[]"


def test_the_records_exceptions_and_selection_are_light_too():
    statements = (
        "import graphx; graphx.Selection(relations=('strikes',)); graphx.RelationMention; "
        "graphx.StoreError; graphx.__version__; dir(graphx)"
    )
    assert _heavy_modules_after(statements) == "[]"


def test_the_probe_sees_a_heavy_import():
    # the check itself would notice one: networkx imported by hand is reported
    assert _heavy_modules_after("import graphx, networkx") == "['networkx']"
