"""The build library has no import circle: no module of scripts/explainer imports
another that (directly or through others) imports it back, not even inside a function."""
from __future__ import annotations

import ast

from conftest import ROOT

PACKAGE = ROOT / "scripts" / "explainer"


def import_graph() -> dict[str, set[str]]:
    """{module: the modules of the package it imports}, "__init__" for the package itself."""
    modules = {p.stem for p in PACKAGE.glob("*.py")}
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name in modules:
        tree = ast.parse((PACKAGE / f"{name}.py").read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.level == 1 or (node.module or "").startswith("explainer")):
                target = (node.module or "").removeprefix("explainer").lstrip(".")
                if target:
                    graph[name].add(target.split(".")[0])
                else:   # from . import x: a submodule, or a name from __init__
                    graph[name] |= {a.name for a in node.names if a.name in modules} or {"__init__"}
            elif isinstance(node, ast.Import):
                graph[name] |= {a.name.split(".")[1] for a in node.names if a.name.startswith("explainer.")}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    found, state = [], {}

    def visit(node, path):
        state[node] = "open"
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == "open":
                found.append(path[path.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt, path + [nxt])
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    return found


def test_the_import_graph_is_read():
    graph = import_graph()
    assert {"data", "errors"} <= graph["checks"], graph["checks"]   # the test sees imports at all
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == [["a", "b", "c", "a"]]


def test_no_module_imports_another_in_a_loop():
    assert cycles(import_graph()) == []
