"""The package layout is the architecture: imports point down the layers and never form a cycle."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "assistant"

# Lower number = lower layer. A module may import its own layer or any lower one.
# Adapters sit between the interview and the service; the retrieval answerer may use the LLM adapter.
RANK = {
    "core": 0,
    "goals": 1,
    "analysis": 2,
    "interview": 3,
    "store": 4,
    "export": 4,
    "llm": 4,
    "retrieval": 5,
    "service": 6,
    "web": 7,
    "cli": 7,
    "__main__": 8,
}
# Adapters of one rank do not import each other (only the service wires them together).
ADAPTERS = {"store", "export", "llm", "retrieval"}


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path
    return out


def _imports(path: Path, name: str, is_pkg: bool) -> set[str]:
    """Every assistant module this file imports, at any depth (TYPE_CHECKING and lazy imports too)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("assistant")}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".")
                base = base[: len(base) - node.level + (1 if is_pkg else 0)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            if not module.startswith("assistant"):
                continue
            found.add(module)
            for alias in node.names:  # `from assistant.cli import chat` imports a module
                found.add(f"{module}.{alias.name}")
    return found


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        deps = _imports(path, name, path.name == "__init__.py")
        graph[name] = {d for d in deps if d in modules and d != name}
    return graph


def test_every_module_imports() -> None:
    for name in _modules():
        if name in ("assistant.__main__",):
            continue
        importlib.import_module(name)


def test_every_module_belongs_to_a_layer() -> None:
    for name in _modules():
        if name == "assistant":
            continue
        assert _layer(name) in RANK, f"{name} is in no layer; add its package to RANK"


def test_imports_point_down_the_layers() -> None:
    wrong = []
    for name, deps in _graph().items():
        if name == "assistant":
            continue
        mine = _layer(name)
        for dep in deps:
            theirs = _layer(dep)
            if dep == "assistant" or theirs == mine:
                continue
            if RANK[theirs] > RANK[mine]:
                wrong.append(f"{name} imports higher-layer {dep}")
            elif RANK[theirs] == RANK[mine] and mine in ADAPTERS:
                wrong.append(f"adapter {name} imports sibling adapter {dep}")
    assert not wrong, "\n".join(wrong)


def test_no_import_cycles() -> None:
    graph = _graph()
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        for dep in sorted(graph.get(node, ())):
            # a package's __init__ importing its own submodules is not a cycle of layers
            if node != "assistant" and dep.startswith(node + "."):
                continue
            if state.get(dep) == 1:
                cycles.append(stack[stack.index(dep) :] + [dep] if dep in stack else [node, dep])
            elif dep not in state:
                visit(dep, [*stack, dep])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert not cycles, "import cycles:\n" + "\n".join(" -> ".join(c) for c in cycles)


@pytest.mark.parametrize(
    "package",
    ["core", "goals", "analysis", "interview", "retrieval", "llm", "export", "web", "cli"],
)
def test_package_has_a_docstring(package: str) -> None:
    module = importlib.import_module(f"assistant.{package}")
    assert module.__doc__ and module.__doc__.strip()
