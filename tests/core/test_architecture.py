"""The layout holds: no import circle, the core never imports Qt, ui/ never reaches the register.

The module graph is computed from the source with `ast` (every import statement, including those
inside functions), so a circle hidden in a lazy import is found too.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SQL = re.compile(r"\s*(SELECT .* FROM|INSERT INTO|UPDATE \w+ SET|DELETE FROM|CREATE TABLE)\b", re.S)


def _modules() -> dict[str, Path]:
    found = {}
    for package in ("cchc_desktop", "ui"):
        for path in (ROOT / package).rglob("*.py"):
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            found[name.removesuffix(".__init__")] = path
    return found


def _graph(modules: dict[str, Path]) -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                for alias in node.names:
                    full = f"{node.module}.{alias.name}"
                    targets.append(full if full in modules else node.module)
            elif isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            graph[name] |= {t for t in targets if t in modules and t != name}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        top = stack.pop()
                        on_stack.discard(top)
                        component.append(top)
                        if top == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
            elif child not in index:
                index[child] = low[child] = len(index)
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(graph[child]))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return found


def test_no_import_circle_anywhere() -> None:
    assert _cycles(_graph(_modules())) == []


def test_the_cycle_finder_finds_a_circle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_core_source_never_imports_qt() -> None:
    # cli.py is the entry point: it opens the window (ui.shell.app) inside `cmd_open` only.
    graph_sources = [p for n, p in _modules().items()
                     if n.startswith("cchc_desktop") and n != "cchc_desktop.cli"]
    offenders = []
    for path in graph_sources:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([node.module or ""] if isinstance(node, ast.ImportFrom)
                     else [a.name for a in node.names] if isinstance(node, ast.Import) else [])
            offenders += [f"{path.name}: {n}" for n in names
                          if n.split(".")[0] in ("PySide6", "shiboken6", "ui")]
    assert offenders == []


def test_ui_never_reaches_the_repository_or_register_db() -> None:
    offenders = []
    for name, path in _modules().items():
        if not name.startswith("ui"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                imported = [f"{node.module}.{a.name}" for a in node.names] + [node.module]
                offenders += [f"{name} imports {m}" for m in imported
                              if m.endswith(".repository") or m.endswith("sqlite_utils")
                              or m == "sqlite3"]
            elif isinstance(node, ast.Import):
                offenders += [f"{name} imports {a.name}" for a in node.names
                              if a.name in ("sqlite3", "sqlite_utils")]
            elif isinstance(node, ast.Attribute) and node.attr == "db":
                offenders.append(f"{name}:{node.lineno} uses .db")
            elif isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL.match(
                    node.value):
                offenders.append(f"{name}:{node.lineno} holds SQL")
    assert offenders == []


def test_every_package_says_what_lives_there() -> None:
    for init in list((ROOT / "cchc_desktop").rglob("__init__.py")) + list(
            (ROOT / "ui").rglob("__init__.py")):
        docstring = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert docstring and len(docstring) > 40, init
