"""The package's module-level imports form no cycle, and the stages depend one way: extraction
knows nothing of the store or serving, the store nothing of serving, and the store's base
module imports neither backend."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "graphx"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _top_level_imports(path: Path) -> set[str]:
    """What a module imports when it is imported: module-level statements, not imports
    inside functions nor under `if TYPE_CHECKING:`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        for child in [node] if not isinstance(node, ast.If | ast.Try) else ast.walk(node):
            if isinstance(child, ast.ImportFrom) and child.module and child.level == 0:
                if child.module.startswith("graphx"):
                    found.add(child.module)
                    found.update(f"{child.module}.{alias.name}" for alias in child.names)
            elif isinstance(child, ast.Import):
                found.update(a.name for a in child.names if a.name.startswith("graphx"))
    return found


def _graph() -> dict[str, set[str]]:
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    return {
        name: {dep for dep in _top_level_imports(path) if dep in modules and dep != name}
        for name, path in modules.items()
    }


def test_no_import_cycle():
    graph = _graph()
    assert "graphx.store.base" in graph and "graphx.extraction.pipeline" in graph
    assert sum(map(len, graph.values())) > 30  # the imports are really read
    visiting: list[str] = []
    done: set[str] = set()

    def visit(module: str) -> None:
        if module in done:
            return
        assert module not in visiting, "import cycle: " + " -> ".join([*visiting, module])
        visiting.append(module)
        for dep in sorted(graph[module]):
            # importing a package's submodule runs the package's __init__ first
            visit(dep)
        visiting.pop()
        done.add(module)

    for module in sorted(graph):
        visit(module)


def test_stages_depend_one_way():
    graph = _graph()
    for module, deps in graph.items():
        if module.startswith("graphx.extraction"):
            assert not any(d.startswith(("graphx.store", "graphx.serve")) for d in deps), module
        if module.startswith("graphx.store"):
            assert not any(d.startswith("graphx.serve") for d in deps), module
    assert not graph["graphx.store.base"] & {"graphx.store.embedded", "graphx.store.neo4j"}
    assert not graph["graphx.store"] & {"graphx.store.embedded", "graphx.store.neo4j"}
