"""Replace a file so that a crash leaves either the old or the new one, never half.

Write beside the target, flush to disk, rename over it, then flush the folder so
the rename itself survives a power cut (the rename is atomic on POSIX and, via
``os.replace``, on Windows).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from mentorpair.storage.oserrors import translate_os_errors

__all__ = ["atomic_write", "fsync_folder"]


def fsync_folder(folder: Path) -> None:
    """Make a rename or creation inside ``folder`` durable (no-op where unsupported)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Write ``data`` to ``path`` atomically, readable only by the owner.

    Raises:
        DiskFull, PermissionDenied, DiskError: translated from the OS error;
            the previous file, if any, is untouched.
    """
    with translate_os_errors():
        folder = path.parent
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, mode)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise
        fsync_folder(folder)
