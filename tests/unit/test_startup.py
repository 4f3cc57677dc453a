"""Start-up does only the work asked for (issue 12): what each way in imports.

Timings are not asserted (machines are noisy); what is imported is. A module
that is not imported costs nothing, so these tests name the heavy ones that
``--version`` and ``--help`` must leave alone.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.unit.storage.support import subprocess_env

REPO_ROOT = Path(__file__).resolve().parents[2]
#: Heavy modules no answer to --version or --help needs (Qt, the crypto stack,
#: the vault's SQLCipher, the passphrase checker, the feedback code, logging's files).
HEAVY = (
    "PySide6",
    "shiboken6",
    "cryptography",
    "mentorpair.crypto",
    "sqlcipher3",
    "zxcvbn",
    "mentorpair.feedback",
    "mentorpair.coordinator",
    "mentorpair.storage",
    "mentorpair.logs",
    "logging.handlers",
)


def run_python(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=subprocess_env(),
        cwd=REPO_ROOT,
        check=False,
    )


def heavy(modules: list[str]) -> list[str]:
    return sorted(m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY))


def imported_by(*args: str) -> list[str]:
    """The modules ``python -X importtime ARGS`` imported (its stderr lists each one)."""
    result = run_python("-X", "importtime", *args)
    assert result.returncode == 0, result.stderr
    return [
        line.rsplit("|", 1)[1].strip()
        for line in result.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    ][1:]  # the first line is the header


@pytest.mark.parametrize("option", ["--version", "--help"])
def test_version_and_help_import_nothing_heavy(option: str):
    modules = imported_by("-m", "mentorpair", option)
    assert "mentorpair.cli" in modules  # the scan sees the package's own imports
    assert heavy(modules) == []


@pytest.mark.parametrize("option", ["--version", "--help"])
def test_console_entry_point_imports_nothing_heavy(option: str):
    # The `mentorpair` command and the frozen build's launcher call cli.main().
    code = textwrap.dedent(
        f"""
        import sys
        from mentorpair.cli import main
        try:
            main([{option!r}])
        except SystemExit as exc:
            assert exc.code == 0, exc.code
        print("\\n".join(sorted(sys.modules)))
        """
    )
    result = run_python("-c", code)
    assert result.returncode == 0, result.stderr
    modules = result.stdout.split()
    assert "mentorpair.paths" in modules
    assert heavy(modules) == []


def test_the_check_sees_heavy_modules():
    # It must be able to fail: the coordinator's commands do import the feedback code.
    modules = imported_by("-m", "mentorpair", "coordinator", "--help")
    assert "mentorpair.feedback.folder" in heavy(modules)
    assert "cryptography" in {m.split(".")[0] for m in heavy(modules)}


def test_help_is_the_same_with_or_without_the_coordinator_commands_built():
    from mentorpair.cli import build_parser

    assert build_parser(coordinator=False).format_help() == build_parser().format_help()


#: What the pages of a locked (or new) vault must leave for after the unlock:
#: the vault and crypto code, the main window's workspace and tabs, the demo.
AFTER_UNLOCK = (
    "sqlcipher3",
    "cryptography",
    "mentorpair.crypto",
    "mentorpair.storage",
    "mentorpair.demo",
    "mentorpair.ui.main_window",
    "mentorpair.ui.workspace",
    "mentorpair.ui.pair",
)

#: What the locked window as a whole (issue 12) leaves for after the unlock. It
#: may know the vault's file names (``mentorpair.storage.layout``), nothing more.
LOCKED_WINDOW_LEAVES = (
    "sqlcipher3",
    "cryptography",
    "zxcvbn",
    "icalendar",
    "phonenumbers",
    "mentorpair.crypto",
    "mentorpair.storage.vault",
    "mentorpair.storage.database",
    "mentorpair.storage.workspace",
    "mentorpair.storage.rekey",
    "mentorpair.sync",
    "mentorpair.feedback",
    "mentorpair.demo",
    "mentorpair.ui.pair",
    "mentorpair.ui.sync",
    "mentorpair.ui.search",
    "mentorpair.ui.preferences",
    "mentorpair.ui.about",
    "mentorpair.ui.new_pair",
)


def loaded_after_import(module: str) -> list[str]:
    code = f"import sys; import {module}; print('\\n'.join(sorted(sys.modules)))"
    result = run_python("-c", code)
    assert result.returncode == 0, result.stderr
    modules = result.stdout.split()
    assert module in modules
    return modules


def among(modules: list[str], names: tuple[str, ...]) -> list[str]:
    return [m for m in modules if any(m == h or m.startswith(h + ".") for h in names)]


@pytest.mark.parametrize(
    "module", ["mentorpair.ui.unlock", "mentorpair.ui.welcome", "mentorpair.ui.lock"]
)
def test_the_locked_pages_import_no_vault_crypto_or_workspace_code(module: str):
    modules = loaded_after_import(module)
    assert among(modules, AFTER_UNLOCK) == []


def test_the_page_check_sees_the_workspace():
    # It must be able to fail: a pair's screens do import the workspace and the vault.
    modules = loaded_after_import("mentorpair.ui.pair.view")
    assert "mentorpair.storage.workspace" in modules
    assert "mentorpair.storage.vault" in modules


#: The app up to its first shown window, as a person starts it (QApplication.exec
#: replaced by a report of what was imported by then).
_LOCKED_WINDOW = """
import sys, time
from PySide6.QtWidgets import QApplication
def shown(self):
    for _ in range(3):
        QApplication.processEvents()
    if "--wait" in sys.argv:  # until the vault code was loaded in the background
        from mentorpair.ui import app, workers
        deadline = time.monotonic() + app.PRELOAD_DELAY_MS / 1000 + 60
        while time.monotonic() < deadline and (
            "mentorpair.storage.vault" not in sys.modules or workers.pending_count()
        ):
            QApplication.processEvents()
            time.sleep(0.01)
    window = QApplication.activeWindow() or QApplication.topLevelWidgets()[0]
    print("PAGE", type(window.centralWidget().currentWidget()).__name__)
    print("\\n".join(sorted(sys.modules)))
    return 0
QApplication.exec = shown
from mentorpair.cli import main
sys.exit(main(["--vault", sys.argv[1]]))
"""


def locked_window_modules(tmp_path: Path, *options: str) -> list[str]:
    folder = tmp_path / "vault"
    folder.mkdir()
    (folder / "vault.key").write_bytes(b"")  # only its name matters until the unlock
    env = subprocess_env()
    env["QT_QPA_PLATFORM"] = "offscreen"
    for name in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[name] = str(tmp_path / name.lower())
    result = subprocess.run(
        [sys.executable, "-c", _LOCKED_WINDOW, str(folder), *options],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=REPO_ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "PAGE UnlockPage" in result.stdout.splitlines()
    return result.stdout.split()


def test_the_locked_window_imports_no_vault_crypto_pair_or_search_code(tmp_path: Path):
    modules = locked_window_modules(tmp_path)
    assert "mentorpair.ui.main_window" in modules  # the scan sees the window's own imports
    assert "mentorpair.storage.layout" in modules
    assert among(modules, LOCKED_WINDOW_LEAVES) == []


def test_the_vault_code_loads_in_the_background_once_the_locked_window_is_shown(
    tmp_path: Path,
):
    modules = locked_window_modules(tmp_path, "--wait")
    assert "mentorpair.storage.vault" in modules and "sqlcipher3" in modules
    assert "mentorpair.feedback.pairside" in modules
    assert "mentorpair.ui.pair.view" not in modules  # Qt screens are left to the UI thread
