"""The package's structure: no import cycle among the modules at import time, the CLI only
wraps the library (each of its modules short), and the flow reads from the folders."""

import ast
import os

from conftest import ROOT

PKG = os.path.join(ROOT, "copydesk")


def _module(path: str) -> str:
    rel = os.path.relpath(path, ROOT)[:-3].replace(os.sep, ".")
    return rel[: -len(".__init__")] if rel.endswith(".__init__") else rel


def _top_level_imports(path: str, name: str) -> set[str]:
    """The copydesk modules a module imports when it is imported (not inside functions, not
    under TYPE_CHECKING)."""
    with open(path, encoding="utf-8") as fh:
        tree = ast.parse(fh.read())
    package = name if path.endswith("__init__.py") else name.rsplit(".", 1)[0]
    out = set()
    for node in tree.body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.dump(node.test):
            continue
        for sub in [node]:
            if isinstance(sub, ast.ImportFrom):
                if sub.level:
                    base = package.rsplit(".", sub.level - 1)[0] if sub.level > 1 else package
                    target = f"{base}.{sub.module}" if sub.module else base
                else:
                    target = sub.module or ""
                if target.startswith("copydesk"):
                    out.add(target)
                    for alias in sub.names:  # "from . import registry" imports a module
                        out.add(f"{target}.{alias.name}")
            elif isinstance(sub, ast.Import):
                out |= {a.name for a in sub.names if a.name.startswith("copydesk")}
    return out


def test_no_import_cycle():
    modules = {}
    for dirpath, _dirs, files in os.walk(PKG):
        for f in files:
            if f.endswith(".py"):
                path = os.path.join(dirpath, f)
                modules[_module(path)] = path
    graph = {m: {t for t in _top_level_imports(p, m) if t in modules and t != m} for m, p in modules.items()}
    # The CLI package registers its commands by importing them after defining the group: a
    # cycle by design (click's own pattern), left out here.
    graph = {m: {t for t in ts if not (m == "copydesk.cli" and t.startswith("copydesk.cli."))} for m, ts in graph.items()}
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(m):
        state[m] = 1
        stack.append(m)
        for t in sorted(graph[m]):
            if state.get(t) == 1:
                raise AssertionError("import cycle: " + " -> ".join(stack[stack.index(t):] + [t]))
            if t not in state:
                visit(t)
        stack.pop()
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m)
    assert "copydesk.parsers.html" in graph and "copydesk.document" in graph


def test_the_cli_only_wraps_the_library():
    folder = os.path.join(PKG, "cli")
    for f in os.listdir(folder):
        if f.endswith(".py"):
            with open(os.path.join(folder, f), encoding="utf-8") as fh:
                assert len(fh.read().splitlines()) < 150, f
    assert not os.path.exists(os.path.join(PKG, "cli.py"))


def test_built_in_rules_are_documented_beside_their_checkers():
    """Each built-in checker's rules come from copydesk/checks/<module>.yaml, shipped in the wheel."""
    from copydesk import registry

    for c in registry.checkers():
        if c.rules and c.id not in ("custom",):
            module = type(c).__module__.rsplit(".", 1)[1]
            assert os.path.exists(os.path.join(PKG, "checks", f"{module}.yaml")), c.id
    with open(os.path.join(ROOT, "pyproject.toml"), encoding="utf-8") as fh:
        assert '"checks/*.yaml"' in fh.read()
