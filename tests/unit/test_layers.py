"""The architecture holds: no Qt below ui/, and the core runs without Qt installed.

PRODUCT.md: "No Qt import below ``ui/`` (the coordinator's command line and the
tests use the core without a display)." Three independent checks: a static
scan of the source, a real import with Qt made unimportable, and the
import-linter contracts from pyproject.toml.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import mentorpair
from tests.unit.storage.support import run_python, subprocess_env

PACKAGE = Path(mentorpair.__file__).resolve().parent
REPO_ROOT = PACKAGE.parent
QT = ("PySide6", "shiboken6")
#: Modules that may start the UI: they import it lazily, inside functions.
UI_ENTRY_POINTS = {"mentorpair.cli", "mentorpair.__main__"}


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO_ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_ui(name: str) -> bool:
    return name == "mentorpair.ui" or name.startswith("mentorpair.ui.") or name in UI_ENTRY_POINTS


def core_modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if not is_ui(module_name(p)))


def imported_names(tree: ast.AST) -> list[str]:
    """Every module an ``import`` statement names, anywhere in the file."""
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.append(node.module)
    return names


def test_static_scan_sees_qt_imports():
    # The scan must be able to fail.
    tree = ast.parse("def f():\n    from PySide6.QtCore import QObject\nimport shiboken6\n")
    assert sorted(imported_names(tree)) == ["PySide6.QtCore", "shiboken6"]


def test_core_modules_exist():
    names = {module_name(p) for p in core_modules()}
    assert {
        "mentorpair.storage.vault",
        "mentorpair.crypto.kdf",
        "mentorpair.domain.profile",
    } <= names
    assert not any(is_ui(n) for n in names)


@pytest.mark.parametrize("path", core_modules(), ids=module_name)
def test_no_qt_import_outside_ui(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    qt = [n for n in imported_names(tree) if n.split(".")[0] in QT]
    assert qt == [], f"{module_name(path)} imports {qt}; only mentorpair.ui may"


QT_BLOCKED = textwrap.dedent(
    """
    import importlib, pkgutil, sys

    class NoQt:
        '''Behave as if PySide6 and shiboken6 were not installed.'''
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in ("PySide6", "shiboken6"):
                raise ImportError(f"No module named {name!r} (blocked by test)")
            return None

    sys.meta_path.insert(0, NoQt())
    import mentorpair

    def skip(name):
        return (
            name in ("mentorpair.cli", "mentorpair.__main__")
            or name == "mentorpair.ui"
            or name.startswith("mentorpair.ui.")
        )

    names = [
        info.name
        for info in pkgutil.walk_packages(mentorpair.__path__, "mentorpair.")
        if not skip(info.name)
    ]
    for name in names:
        importlib.import_module(name)
    loaded_qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6"))
    assert not loaded_qt, loaded_qt
    try:
        import PySide6  # noqa: F401
    except ImportError:
        pass
    else:
        raise AssertionError("the blocker did not block")
    print(len(names))
    print("\\n".join(names))
    """
)


@pytest.mark.slow
def test_core_imports_without_qt_installed():
    result = run_python(QT_BLOCKED)
    assert result.returncode == 0, result.stderr
    count, *names = result.stdout.split()
    assert int(count) == len(names)
    assert {"mentorpair.storage.vault", "mentorpair.crypto.identity", "mentorpair.errors"} <= set(
        names
    )


# ---------------------------------------------------------------- import-linter


@pytest.mark.slow
def test_import_linter_contracts_hold():
    command = Path(sys.executable).with_name("lint-imports")
    if not command.exists():
        pytest.skip("lint-imports (import-linter) is not installed next to this Python")
    result = subprocess.run(
        [str(command), "--no-cache"],  # reads the contracts from pyproject.toml
        capture_output=True,
        text=True,
        timeout=300,
        env=subprocess_env(),
        cwd=REPO_ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert " 0 broken" in result.stdout
