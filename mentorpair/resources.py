"""One lookup for bundled files (themes, icons, demo data), from source or frozen.

From a source checkout the files sit in ``resources/`` beside the package; in a
PyInstaller build they are unpacked under ``sys._MEIPASS/resources``.
"""

from __future__ import annotations

import sys
from pathlib import Path

__all__ = ["resource_path"]


def _root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """The path of a bundled file, e.g. ``resource_path("demo", "demo.json")``.

    Raises:
        FileNotFoundError: the file is not bundled (a packaging bug, not a
            user error, so it is not a known error).
    """
    path = _root().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"bundled resource missing: {'/'.join(parts)}")
    return path
