"""Start-up does only the work asked for (issue 12): what each way in imports.

Timings are not asserted (machines are noisy); what is imported is. A module
that is not imported costs nothing, so these tests name the heavy ones that
``--version`` and ``--help`` must leave alone.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

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
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO_ROOT), env.get("PYTHONPATH")) if p)
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
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


def loaded_after_import(module: str) -> list[str]:
    code = f"import sys; import {module}; print('\\n'.join(sorted(sys.modules)))"
    result = run_python("-c", code)
    assert result.returncode == 0, result.stderr
    modules = result.stdout.split()
    assert module in modules
    return modules


@pytest.mark.parametrize(
    "module", ["mentorpair.ui.unlock", "mentorpair.ui.welcome", "mentorpair.ui.lock"]
)
def test_the_locked_pages_import_no_vault_crypto_or_workspace_code(module: str):
    modules = loaded_after_import(module)
    early = [m for m in modules if any(m == h or m.startswith(h + ".") for h in AFTER_UNLOCK)]
    assert early == []


def test_the_page_check_sees_the_workspace():
    # It must be able to fail: the main window does import the workspace and the vault.
    modules = loaded_after_import("mentorpair.ui.main_window")
    assert "mentorpair.ui.workspace" in modules
    assert "mentorpair.storage.vault" in modules
