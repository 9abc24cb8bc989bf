"""The code's shape, checked: layers as the README draws them, and no module
reaching into another's private names.  Browser-free (reads the source)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("dashboard", "callbacks", "data", "ogp_monitor", "benchmarks")

# dashboard/ and callbacks/ ask data/queries; these must reach the database themselves.
DATABASE_ALLOWED = {
    "dashboard/cache.py",  # the data's version is part of every cache key
    "dashboard/factory.py",  # migrates the database when the app starts
    "dashboard/availability.py",  # health, readiness and migrating when the database comes back
}
# What a view may take from data.db: the error it turns into "the data is unavailable".
DATABASE_NAMES_ALLOWED = {"data.db.DATABASE_UNAVAILABLE"}


def _sources(*tops: str) -> list[Path]:
    files = [p for top in tops for p in sorted((ROOT / top).rglob("*.py"))]
    return [p for p in files if "migrations" not in p.parts]


def _is_project(module: str) -> bool:
    return module.split(".")[0] in PACKAGES or module == "app"


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def _module_exists(module: str) -> bool:
    path = ROOT.joinpath(*module.split("."))
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


def _own_module(path: Path) -> str:
    if not path.is_relative_to(ROOT):
        return ""
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def private_uses(path: Path) -> list[str]:
    """Where ``path`` imports or reads a private name of another project module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    own = _own_module(path)
    found, modules = [], {}  # modules: local name → project module it is bound to
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0 and _is_project(node.module):
            if node.module == own:
                continue
            if any(_private(part) for part in node.module.split(".")):
                found.append(f"{node.lineno}: from {node.module}")
            for alias in node.names:
                if _private(alias.name):
                    found.append(f"{node.lineno}: {node.module}.{alias.name}")
                elif _module_exists(f"{node.module}.{alias.name}"):
                    modules[alias.asname or alias.name] = f"{node.module}.{alias.name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if _is_project(alias.name):
                    if any(_private(part) for part in alias.name.split(".")):
                        found.append(f"{node.lineno}: import {alias.name}")
                    modules[alias.asname or alias.name.split(".")[0]] = alias.name
    # A name also assigned a value somewhere (``page = render(...)``) is not read as the module.
    assigned = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
    modules = {name: module for name, module in modules.items() if name not in assigned}
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and _private(node.attr):
            base = node.value
            if isinstance(base, ast.Name) and base.id in modules and modules[base.id] != own:
                found.append(f"{node.lineno}: {base.id}.{node.attr}")
    return found


def database_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [f"{node.module}.{a.name}" for a in node.names]
            names = [n for n in names if n not in DATABASE_NAMES_ALLOWED]
            names = [node.module] + names if names else []
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        for name in names:
            if name.split(".")[0] == "sqlalchemy" or name == "data.db" or name.startswith("data.db."):
                found.append(f"{node.lineno}: {name}")
                break
    return found


def test_lay001_no_module_imports_another_modules_private_names():
    offenders = {}
    for path in _sources(*PACKAGES, "tests") + [ROOT / "app.py"]:
        found = private_uses(path)
        if found:
            offenders[str(path.relative_to(ROOT))] = found
    assert offenders == {}


def test_lay002_views_ask_data_queries_not_the_database():
    offenders = {}
    for path in _sources("dashboard", "callbacks"):
        name = str(path.relative_to(ROOT))
        found = database_imports(path)
        if found and name not in DATABASE_ALLOWED:
            offenders[name] = found
    assert offenders == {}
    assert all((ROOT / name).exists() for name in DATABASE_ALLOWED)  # an allowance outlives no file


def test_lay003_the_checks_find_what_they_look_for(tmp_path):
    sample = tmp_path / "probe.py"
    sample.write_text(
        "from callbacks.forums import _apology\n"
        "from data.queries import explorer as q\n"
        "import dashboard.figures.forums\n"
        "from sqlalchemy import select\n"
        "x = q._frame\n"
        "y = dashboard._private\n",
        encoding="utf-8",
    )
    assert private_uses(sample) == ["1: callbacks.forums._apology", "5: q._frame", "6: dashboard._private"]
    assert database_imports(sample) == ["4: sqlalchemy"]
