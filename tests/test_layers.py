"""Layer guards beside import-linter: the rules and the data never import Qt, and the
domain imports nothing of the project outside itself (DESIGN.md "Layers")."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "workstation"
NO_QT = ("domain", "importers", "store", "services")


def _modules(*parts: str) -> list[Path]:
    found: list[Path] = []
    for part in parts:
        target = PACKAGE / part
        found.extend(sorted(target.rglob("*.py")) if target.is_dir() else [target])
    return found


def _imports(path: Path) -> set[str]:
    package = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1])
    return _imports_of(path.read_text(encoding="utf-8"), package)


def _imports_of(source: str, package: str) -> set[str]:
    """Every module ``source`` imports, at any depth (also inside functions), absolute."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base = parts[: len(parts) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def test_the_guarded_layers_exist() -> None:
    modules = _modules(*NO_QT, "cli.py")
    assert len(modules) >= 15
    assert PACKAGE / "domain" / "stages.py" in modules


@pytest.mark.parametrize(
    "path", _modules(*NO_QT, "cli.py"), ids=lambda p: str(p.relative_to(PACKAGE))
)
def test_no_qt_outside_the_window(path: Path) -> None:
    qt = {name for name in _imports(path) if name.split(".")[0] in ("PySide6", "shiboken6")}
    qt |= {n for n in _imports(path) if n.startswith("matplotlib.backends.backend_qt")}
    assert not qt, f"{path} imports {sorted(qt)}"


@pytest.mark.parametrize("path", _modules("domain"), ids=lambda p: p.name)
def test_domain_imports_nothing_of_the_project_outside_itself(path: Path) -> None:
    outside = {
        name
        for name in _imports(path)
        if name.startswith("workstation.") and not name.startswith("workstation.domain")
    }
    assert not outside, f"{path} imports {sorted(outside)}"


@pytest.mark.parametrize("path", _modules("store", "importers"), ids=lambda p: p.name)
def test_store_and_importers_do_not_reach_up(path: Path) -> None:
    upward = {
        name
        for name in _imports(path)
        if name.startswith(("workstation.services", "workstation.ui", "workstation.cli"))
    }
    assert not upward, f"{path} imports {sorted(upward)}"


@pytest.mark.parametrize("path", _modules("services"), ids=lambda p: p.name)
def test_services_do_not_import_the_window_or_cli(path: Path) -> None:
    upward = {n for n in _imports(path) if n.startswith(("workstation.ui", "workstation.cli"))}
    assert not upward, f"{path} imports {sorted(upward)}"


def test_the_guard_sees_every_form_of_import() -> None:
    """The parser must catch the forms people write, or the guard is hollow."""
    source = (
        "def late():\n    from PySide6.QtCore import Qt\n"
        "import PySide6.QtWidgets as w\n"
        "from ..store import db\n"
        "from . import stages\n"
    )
    names = _imports_of(source, "workstation.domain")
    assert {"PySide6.QtCore", "PySide6.QtWidgets", "workstation.store"} <= names
    assert "workstation.domain.stages" in names
