"""The app's log: a small rotating file that never holds personal data.

What may be logged: event kinds ("vault opened"), counts, versions, settings
values that are not personal, error *class* names. What may never be logged:
note text, names, passphrases, keys, file paths (a path can hold a name), or
exception messages from libraries (they can quote any of those). Crash reports
therefore keep the traceback's frames and drop the exception's message.
"""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import os
import re
import traceback
from pathlib import Path
from types import TracebackType
from typing import IO

from mentorpair import __version__
from mentorpair.paths import log_folder

__all__ = [
    "LOG_NAME",
    "NATIVE_CRASH_NAME",
    "describe_exception",
    "enable_native_crash_log",
    "redact",
    "report_native_crash",
    "setup_logging",
]

LOG_NAME = "mentorpair.log"
#: Where :mod:`faulthandler` writes when the process dies in C code (Qt, SQLCipher).
NATIVE_CRASH_NAME = "native-crash.txt"
MAX_BYTES = 512 * 1024
BACKUPS = 3


def setup_logging(folder: Path | None = None, level: int = logging.INFO) -> Path:
    """Send the ``mentorpair`` loggers to a rotating file; return its path."""
    folder = folder or log_folder()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = folder / LOG_NAME
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("mentorpair")
    for old in [h for h in root.handlers if isinstance(h, logging.handlers.RotatingFileHandler)]:
        root.removeHandler(old)
        old.close()
    root.addHandler(handler)
    root.setLevel(level)
    if os.name == "posix":
        path.chmod(0o600)
    root.info("mentorpair %s started", __version__)
    return path


def describe_exception(
    exc_type: type[BaseException], exc: BaseException | None, tb: TracebackType | None
) -> str:
    """A traceback without the exception's message, safe to write to the log.

    The message of an exception can quote data (a name in a ValueError, a
    path in an OSError); the frames show where it happened, which is what a
    developer needs.
    """
    frames = "".join(traceback.format_tb(tb))
    chain: list[str] = []
    cause = exc.__cause__ or exc.__context__ if exc is not None else None
    while cause is not None and len(chain) < 5:
        chain.append(type(cause).__qualname__)
        cause = cause.__cause__ or cause.__context__
    caused_by = f" (after {', '.join(chain)})" if chain else ""
    name = f"{exc_type.__module__}.{exc_type.__qualname__}"
    return f"Traceback (most recent call last):\n{frames}{name}: <message withheld>{caused_by}"


# Quoted text and anything with a slash or backslash (paths, URLs) can name a
# person: "Cannot open '/home/jane/…'". What is left says what went wrong.
_QUOTED = re.compile(r"""(["'“‘])[^"'”’]*(["'”’])""")
_PATHLIKE = re.compile(r"\S*[/\\]\S*")


def redact(message: str) -> str:
    """``message`` without quoted text or paths, for messages from libraries (Qt's warnings)."""
    return _PATHLIKE.sub("<path>", _QUOTED.sub("<…>", message))


# faulthandler writes raw frames; only these lines are copied into the log.
_CRASH_LINES = re.compile(
    r"^(Fatal Python error: [\w ]+|(Current thread|Thread) 0x[0-9a-f]+.*|"
    r'  File ".*", line \d+ in \w+|Extension modules: .*)$'
)
_CRASH_FILE = re.compile(r'File "(?P<path>[^"]*)"')
_crash_file: IO[str] | None = None


def _short_source(match: re.Match[str]) -> str:
    """The frame's file from the package's folder on ("mentorpair/ui/app.py"), never a home path."""
    parts = match.group("path").replace("\\", "/").split("/")
    for anchor in ("mentorpair", "site-packages"):
        if anchor in parts[:-1]:
            index = len(parts) - 1 - parts[::-1].index(anchor)
            return 'File "{}"'.format("/".join(parts[index:]))
    return f'File "{parts[-1]}"'


def report_native_crash(folder: Path | None = None) -> bool:
    """Move what :mod:`faulthandler` wrote in the last run into the log; True if it crashed.

    The raw file lives in the private log folder; the log gets only the
    crash's kind and the frames' function names and package-relative files.
    """
    path = (folder or log_folder()) / NATIVE_CRASH_NAME
    try:
        raw = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    if not raw.strip():
        return False
    lines = [_CRASH_FILE.sub(_short_source, line) for line in raw.splitlines()]
    kept = [line for line in lines if _CRASH_LINES.match(line)]
    logging.getLogger("mentorpair").error(
        "the last run crashed in native code\n%s", "\n".join(kept)
    )
    path.write_text("", encoding="utf-8")
    return True


def enable_native_crash_log(folder: Path | None = None) -> Path:
    """Have :mod:`faulthandler` write a native crash's Python frames to the log folder.

    A segmentation fault in Qt or a library kills the process before any
    Python handler runs; faulthandler still writes the stack. Call
    :func:`report_native_crash` first: opening the file empties it.
    """
    global _crash_file  # one file for the process's lifetime
    folder = folder or log_folder()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = folder / NATIVE_CRASH_NAME
    if _crash_file is not None:
        _crash_file.close()
    _crash_file = path.open("w", encoding="utf-8")
    if os.name == "posix":
        path.chmod(0o600)
    faulthandler.enable(file=_crash_file, all_threads=True)
    return path
