"""Refresh the translation files: lupdate the sources into each .ts, lrelease each .qm.

Run ``python resources/translations/update.py`` from anywhere after changing a
user-visible string, translate what Qt Linguist (``pyside6-linguist``) shows
as unfinished, run it again, and commit both the .ts and the .qm files.
``tests/ui/test_translations.py`` fails while either is out of date.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

__all__ = ["LANGUAGES", "SOURCES", "lrelease", "lupdate", "main", "tool"]

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
#: Every package with user-visible strings; only ui/ may import Qt.
SOURCES = (ROOT / "mentorpair" / "ui",)
#: The shipped translations besides English, the source language.
LANGUAGES = ("de",)


def tool(name: str) -> str:
    """A PySide6 tool from this Python's environment, else from PATH."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 into this environment")
    return found


def lupdate(ts_file: Path) -> None:
    """Bring ``ts_file`` up to date with the sources, dropping messages no longer used.

    No line numbers are stored, so moving code does not change the file.
    """
    command = [tool("pyside6-lupdate"), "-extensions", "py", "-locations", "none"]
    command += ["-no-obsolete", *(str(path) for path in SOURCES), "-ts", str(ts_file)]
    subprocess.run(command, check=True, capture_output=True)  # noqa: S603 - our tools, our paths


def lrelease(ts_file: Path, qm_file: Path) -> None:
    """Compile ``ts_file`` into the binary ``qm_file`` that the app loads."""
    command = [tool("pyside6-lrelease"), "-removeidentical", str(ts_file), "-qm", str(qm_file)]
    subprocess.run(command, check=True, capture_output=True)  # noqa: S603 - our tools, our paths


def main() -> int:
    """Update and compile every shipped language."""
    for language in LANGUAGES:
        ts_file = HERE / f"mentorpair_{language}.ts"
        lupdate(ts_file)
        lrelease(ts_file, HERE / f"mentorpair_{language}.qm")
        print(f"updated {ts_file.name} and its .qm")
    return 0


if __name__ == "__main__":
    sys.exit(main())
